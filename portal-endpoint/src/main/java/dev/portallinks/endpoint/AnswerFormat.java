package dev.portallinks.endpoint;

import java.util.Locale;

/**
 * How the endpoint hands out a link: a redirect for a browser's form post or navigation, {@code {"url": …}} for a
 * single-page application that navigates itself ({@code Accept: application/json}).
 */
enum AnswerFormat {

    /** {@code 303 See Other} with the link in {@code Location}. */
    REDIRECT,

    /** {@code 200} with {@code {"url": "…"}}. */
    JSON;

    private static final String JSON_TYPE = "application/json";
    private static final String HTML_TYPE = "text/html";

    /**
     * Chooses by the {@code Accept} header: JSON when it names {@code application/json} with a quality above 0 and at
     * least that of {@code text/html} (a browser's navigation names HTML and no JSON; {@code fetch()} sends
     * {@code *}{@code /*} unless told otherwise, and gets the redirect). Wildcards do not count.
     *
     * @param accept the header, or null
     * @return the format
     */
    static AnswerFormat negotiate(String accept) {
        if (accept == null) {
            return REDIRECT;
        }
        double json = 0;
        double html = 0;
        for (String range : accept.split(",")) {
            String[] parts = range.split(";");
            String type = parts[0].strip().toLowerCase(Locale.ROOT);
            double quality = quality(parts);
            if (type.equals(JSON_TYPE)) {
                json = Math.max(json, quality);
            } else if (type.equals(HTML_TYPE)) {
                html = Math.max(html, quality);
            }
        }
        return json > 0 && json >= html ? JSON : REDIRECT;
    }

    /** @return the range's {@code q} parameter, 1 when absent, 0 when unreadable (an unreadable range is not a wish) */
    private static double quality(String[] parts) {
        for (int i = 1; i < parts.length; i++) {
            String parameter = parts[i].strip();
            if (parameter.length() > 2 && parameter.substring(0, 2).equalsIgnoreCase("q=")) {
                try {
                    double quality = Double.parseDouble(parameter.substring(2).strip());
                    return quality >= 0 && quality <= 1 ? quality : 0;
                } catch (NumberFormatException unreadable) {
                    return 0;
                }
            }
        }
        return 1;
    }
}
