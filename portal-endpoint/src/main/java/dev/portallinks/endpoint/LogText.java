package dev.portallinks.endpoint;

import dev.portallinks.api.Secrets;

/** What the endpoint logs of a request's own text (a path, a header): quoted, escaped, cut short, secrets removed. */
final class LogText {

    /** The most characters of a request's text a log line shows. */
    static final int MAX_SHOWN = 80;

    private LogText() {
    }

    /**
     * Shows untrusted text in a log line: quoted with line breaks and control characters escaped (a request cannot start
     * a forged log line), at most {@value #MAX_SHOWN} characters (nor flood the log), secrets redacted.
     *
     * @param untrusted what the request carried, not null
     * @return the text as it may appear in a log line
     */
    static String quoted(String untrusted) {
        return Secrets.quoted(untrusted, MAX_SHOWN);
    }
}
