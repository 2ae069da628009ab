/**
 * The Paddle simulator inside the demo (not part of the library): portal-test's {@code PaddleSimulator} core,
 * embedded in the WAR under {@code /simulator} (Paddle's wire format for {@code GET /subscriptions} and
 * {@code POST /customers/{customer_id}/portal-sessions}), a styled customer portal page for the links it hands out,
 * and switches to make it misbehave (slow, 500, 429) for trying the library's fault tolerance by hand.
 */
package dev.portallinks.demo.simulator;
