package dev.portallinks.faces;

/** A click that does not match the component's server-side state: tampered, or stale. Never reaches Paddle. */
final class RefusedClickException extends Exception {

    private static final long serialVersionUID = 1L;

    RefusedClickException(String reason) {
        super(reason, null, false, false);
    }
}
