package dev.portallinks.faces;

import dev.portallinks.api.Secrets;

/** A click that does not match the component's server-side state: tampered, or stale. Never reaches Paddle. */
final class RefusedClickException extends Exception {

    private static final long serialVersionUID = 1L;

    /** The most characters of a posted value a refusal shows. */
    static final int MAX_SHOWN = 80;

    RefusedClickException(String reason) {
        super(reason, null, false, false);
    }

    /**
     * Shows a posted value in a refusal, which is logged: quoted, control characters (CR and LF included, so a post
     * cannot start a forged log line) and line separators as {@code \\uXXXX}, at most {@value #MAX_SHOWN} characters
     * (a long post cannot flood the log), secrets redacted.
     *
     * @param posted what the browser (or a script) posted, not null
     * @return the value as it may appear in a log line
     */
    static String quoted(String posted) {
        return Secrets.quoted(posted, MAX_SHOWN);
    }
}
