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
        String kept = posted.length() > MAX_SHOWN ? posted.substring(0, MAX_SHOWN) : posted;
        StringBuilder shown = new StringBuilder(kept.length() + 2).append('"');
        kept.chars().forEach(c -> {
            if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                shown.append(String.format("\\u%04x", c));
            } else {
                shown.append((char) c);
            }
        });
        shown.append('"');
        if (posted.length() > MAX_SHOWN) {
            shown.append(" (cut from ").append(posted.length()).append(" characters)");
        }
        return Secrets.redact(shown.toString());
    }
}
