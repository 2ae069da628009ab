package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Covers Secrets.redact: portal tokens, Paddle API keys and bearer credentials are removed; other text is kept.
class SecretsTest {

    private static final String PORTAL = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // token at the end of a URL
        PORTAL + "?action=overview&token=pga_secretvalue123 | " + PORTAL + "?action=overview&token=[redacted]",
        // token first, stops at &
        PORTAL + "?token=pga_secretvalue123&action=overview | " + PORTAL + "?token=[redacted]&action=overview",
        // stops at #
        PORTAL + "?token=pga_secretvalue123#payments | " + PORTAL + "?token=[redacted]#payments",
        // in running text, stops at white space
        "redirect to ?token=pga_secretvalue123 failed | redirect to ?token=[redacted] failed",
        // case-insensitive
        "?TOKEN=pga_secretvalue123&a=b | ?TOKEN=[redacted]&a=b",
        "?Token=pga_secretvalue123 | ?Token=[redacted]",
        // several occurrences
        "token=one&x=1&token=two#token=three | token=[redacted]&x=1&token=[redacted]#token=[redacted]",
        // stops at quotes and angle brackets
        "`\"token=pga_abc\" 'token=pga_def' <token=pga_ghi>` | `\"token=[redacted]\" 'token=[redacted]' <token=[redacted]>`",
        // a JWT-like token with dots, dashes and underscores
        "token=pga_eyJhbGciOiJFZERTQSJ9.eyJpZCI6ImNwbHMifQ.Zm9v-YmFy_baz | token=[redacted]"
    })
    void redactsTokenParameters(String text, String expected) {
        assertThat(Secrets.redact(text)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pdl_sdbx_apikey_01gtgztp8f4kek3yd4g1wrksa3_q6TGTJyvoIz7LDtXT65bX7_AQO | [redacted]",
        "pdl_live_apikey_01gtgztp8f4kek3yd4g1wrksa3_q6TGTJyvoIz7LDtXT65bX7_AQO | [redacted]",
        "key pdl_sdbx_apikey_01abcdefSECRET is revoked | key [redacted] is revoked",
        "keys pdl_live_apikey_01a, pdl_sdbx_apikey_01b. | keys [redacted], [redacted].",
        "Authorization: Bearer xyz | Authorization: Bearer [redacted]",
        "authorization: bearer   abc.def-ghi | authorization: bearer   [redacted]",
        "BEARER xyz and more | BEARER [redacted] and more"
    })
    void redactsApiKeysAndBearerCredentials(String text, String expected) {
        assertThat(Secrets.redact(text)).isEqualTo(expected);
    }

    @Test
    void bearerApiKeyIsRedactedOnce() {
        assertThat(Secrets.redact("Authorization: Bearer pdl_live_apikey_01abcdefSECRET"))
                .isEqualTo("Authorization: Bearer [redacted]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        " ",
        "Paddle refused to create a customer portal session: HTTP 404 not_found",
        PORTAL + "?action=overview",
        PORTAL + "?action=cancel_subscription&subscription_id=sub_01h04vsc0qhwtsbsxh3422wjs4",
        "the token expired",
        "token= is empty",
        "ctm_01grnn4zta5a1mf02jjze7y2ys",
        "pdl_apikey_missing_environment",
        "caf\u00e9 \u65e5\u672c"
    })
    void leavesOtherTextUnchanged(String text) {
        assertThat(Secrets.redact(text)).isEqualTo(text);
    }

    @Test
    void nullStaysNull() {
        assertThat(Secrets.redact((String) null)).isNull();
    }

    @Test
    void redactsUris() {
        assertThat(Secrets.redact(URI.create(PORTAL + "?action=overview&token=pga_secretvalue123")))
                .isEqualTo(PORTAL + "?action=overview&token=[redacted]");
        assertThat(Secrets.redact((URI) null)).isEqualTo("null");
    }

    @Test
    void replacementIsTheRedactedConstant() {
        assertThat(Secrets.REDACTED).isEqualTo("[redacted]");
    }

    @Test
    void textWithoutMarkersIsReturnedAsItIs() {
        String refusal = "Paddle call refused: the bulkhead is full (20 concurrent calls)";
        assertThat(Secrets.redact(refusal)).isSameAs(refusal);
    }

    // The quick check before the patterns must never skip a text they would change: compared with the three patterns
    // applied to every text, on texts built from fragments near each marker (case variants, a missing '=', the
    // Kelvin sign that case-insensitive String methods fold to 'k').
    @Test
    void quickCheckAgreesWithThePatternsOnGeneratedTexts() {
        String[] fragments = {"token=", "TOKEN=", "ToKeN=", "token", "to\u212Aen=", "oken=", "t", "=", "pga_x1",
            "pdl_sdbx_apikey_01ab_C", "pdl_live_apikey_x", "pdl_", "PDL_sdbx_apikey_01", "pdl", "bearer ", "BEARER\t",
            "Bearer", "bear", "earer x", " ", "&", "#", "?", "\"", "<", "x", "\u00e9", "\u65e5", "ctm_01", "https://a/"};
        SplittableRandom random = new SplittableRandom(20261202);
        int changed = 0;
        for (int n = 0; n < 100_000; n++) {
            StringBuilder text = new StringBuilder();
            for (int parts = random.nextInt(8); parts > 0; parts--) {
                text.append(fragments[random.nextInt(fragments.length)]);
            }
            String reference = redactWithPatternsOnly(text.toString());
            assertThat(Secrets.redact(text.toString())).as("redact(%s)", text).isEqualTo(reference);
            changed += reference.contentEquals(text) ? 0 : 1;
        }
        // Both branches were exercised: many texts had a secret to remove, many had none.
        assertThat(changed).isBetween(10_000, 90_000);
    }

    private static String redactWithPatternsOnly(String text) {
        String cleaned = Pattern.compile("(?i)(token=)[^&#\\s\"'<>]+").matcher(text).replaceAll("$1" + Secrets.REDACTED);
        cleaned = Pattern.compile("pdl_(?:sdbx|live)_apikey_[A-Za-z0-9_]+").matcher(cleaned).replaceAll(Secrets.REDACTED);
        return Pattern.compile("(?i)(bearer\\s+)\\S+").matcher(cleaned).replaceAll("$1" + Secrets.REDACTED);
    }
}
