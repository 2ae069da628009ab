package dev.portallinks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

// The endpoint's JSON writer and the log quoting built on it: no value breaks out of its quotes or its log line.
class JsonTest {

    @Test
    void writesAFlatObjectInOrder() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("type", "https://portallinks.dev/problems/x");
        members.put("status", 503);
        members.put("retryAfter", 30L);

        assertThat(Json.object(members)).isEqualTo("{\"type\":\"https://portallinks.dev/problems/x\",\"status\":503,\"retryAfter\":30}");
    }

    @Test
    void escapesQuotesBackslashesAndControlCharacters() {
        assertThat(Json.string("a\"b\\c\nd\u0000e\u2028f\u007f")).isEqualTo("\"a\\\"b\\\\c\\u000ad\\u0000e\\u2028f\\u007f\"");
        assertThat(Json.string("https://x/cpl_1?action=overview&token=abc")).isEqualTo("\"https://x/cpl_1?action=overview&token=abc\"");
    }

    @Test
    void writesStringsAndIntegersOnly() {
        assertThatThrownBy(() -> Json.object(Map.of("x", 1.5))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void logTextIsQuotedCutAndFreeOfSecrets() {
        assertThat(LogText.quoted("x\r\nSEVERE: forged")).isEqualTo("\"x\\u000d\\u000aSEVERE: forged\"");
        assertThat(LogText.quoted("a".repeat(200))).isEqualTo("\"" + "a".repeat(LogText.MAX_SHOWN) + "\" (cut from 200 characters)");
        assertThat(LogText.quoted("/cpl_1?token=secret")).doesNotContain("secret");
    }

    @Test
    void logTextEscapesC1ControlsAsTheFacesSideDoes() {
        // U+0085 (next line) breaks a line in some log viewers; U+009B (CSI) starts a terminal escape sequence.
        assertThat(LogText.quoted("a\u0085b\u009b[2Jc")).isEqualTo("\"a\\u0085b\\u009b[2Jc\"");
    }
}
