/**
 * Paddle's wire format: the MicroProfile Rest Client interface for the two endpoints the library calls, the
 * JSON-B classes of Paddle's {@code data}/{@code meta} and error envelopes, and the mapping of Paddle's
 * answers into the library's value types and exceptions.
 *
 * <p>The wire classes are plain JSON-B beans with public fields: Paddle's field names, nothing else, unknown
 * fields ignored. They never leave the implementation.
 */
package dev.portallinks.impl.paddle;
