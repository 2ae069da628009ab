package dev.portallinks.endpoint;

import java.util.Map;
import java.util.StringJoiner;

/**
 * The endpoint's JSON: flat objects of strings and integers ({@code {"url": …}} and problem details), written here so
 * the endpoint needs no JSON provider of the server's. Every string is escaped, so no value can break out of its quotes.
 */
final class Json {

    private Json() {
    }

    /**
     * Writes a flat object in the map's order.
     *
     * @param members names and values; a value is a {@link String} or a {@link Long} or {@link Integer}
     * @return the JSON text
     * @throws IllegalArgumentException for a value of another type
     */
    static String object(Map<String, ?> members) {
        StringJoiner object = new StringJoiner(",", "{", "}");
        members.forEach((name, value) -> object.add(string(name) + ":" + value(value)));
        return object.toString();
    }

    private static String value(Object value) {
        if (value instanceof String text) {
            return string(text);
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        throw new IllegalArgumentException("only strings and integers are written, not " + (value == null ? "null" : value.getClass().getName()));
    }

    /**
     * Quotes a string as a JSON string literal (RFC 8259): {@code "} and {@code \} escaped, control characters and the
     * line separators U+2028 and U+2029 as {@code \}{@code uXXXX}.
     *
     * @param text the text, not null
     * @return the literal, with its quotes
     */
    static String string(String text) {
        StringBuilder quoted = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                quoted.append('\\').append(c);
            } else if (Character.isISOControl(c) || c == '\u2028' || c == '\u2029') {
                // C0, DEL and C1 (U+0085 is a line break to some log viewers, U+009B a terminal escape) and the line separators.
                quoted.append(String.format("\\u%04x", (int) c));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }
}
