/**
 * The receiver behind {@link dev.portallinks.webhooks}: the servlet and its initializer, the signature check, the
 * notification parser, the duplicate and ordering memories and the dispatcher. Only the initializer and the CDI extension
 * are public, for the server's {@link java.util.ServiceLoader}; applications use the events of
 * {@code dev.portallinks.webhooks}.
 */
package dev.portallinks.webhooks.receiver;
