package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Covers DeferredUri: the one-pass "plain link" check never lets through a text java.net.URI would refuse or read
// differently (checked on generated texts against the parser itself), texts with the token parse lazily, other texts
// parse at construction, and an invalid text fails where the value is made, naming the field, token redacted.
class DeferredUriTest {

    private static final String LINK = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw"
            + "?action=cancel_subscription&subscription_id=sub_01h04vsc0qhwtsbsxh3422wjs4&token=pga_secretvalue123";

    // Characters around the edges of the plain form: the URI grammar's delimiters, escapes, space, non-ASCII.
    private static final String ALPHABET = "abcXYZ019-._~!$&'()*+,;=:@/?#%[] \"<>\\^`{|}é\u212a";

    @Test
    void paddlesLinksArePlainAndReadAsTheParserReadsThem() {
        assertThat(DeferredUri.isPlainAbsolute(LINK)).isTrue();
        DeferredUri link = DeferredUri.parse("cancelSubscription", LINK);
        assertThat(link.uri()).isEqualTo(URI.create(LINK));
        assertThat(link.uri()).isSameAs(link.uri());
        assertThat(link.text()).isEqualTo(LINK);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:8080/cpl_1?token=a", "https://h", "http://h:1", "https://a.b-c/", "http://h/p/q?x=1?y=/2"})
    void plainLinks(String text) {
        assertThat(DeferredUri.isPlainAbsolute(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://h/", "https:/h/", "https://", "https://h:/", "https://h:123456/", "https://h?x", "https://h/p#f",
        "https://h/%41", "https://[::1]/", "https://us@er/", "https://h/é", "HTTPS://h/", "https://h/a b", "/relative", ""})
    void otherTextIsLeftToTheParser(String text) {
        assertThat(DeferredUri.isPlainAbsolute(text)).isFalse();
    }

    @Test
    void everyGeneratedPlainTextParsesToAnAbsoluteUriWithTheSameText() {
        Random random = new Random(20261202);
        int plain = 0;
        List<String> misread = new ArrayList<>();
        for (int n = 0; n < 200_000; n++) {
            String text = generated(random);
            if (!DeferredUri.isPlainAbsolute(text)) {
                continue;
            }
            plain++;
            try {
                URI uri = new URI(text);
                if (!uri.isAbsolute() || uri.isOpaque() || !uri.toString().equals(text)) {
                    misread.add(text);
                }
            } catch (URISyntaxException refused) {
                misread.add(text);
            }
        }
        assertThat(misread).as("texts taken as plain that java.net.URI refuses or reads differently").isEmpty();
        assertThat(plain).as("generated plain texts (the generator must reach the accepting paths)").isGreaterThan(20_000);
    }

    /** "http(s)://" most of the time, then host-like, port-like and path-like runs with characters from the edges mixed in. */
    private static String generated(Random random) {
        StringBuilder text = new StringBuilder(random.nextInt(10) == 0 ? "htp:/" : random.nextBoolean() ? "https://" : "http://");
        appendRun(text, random, "ab9.-", 1 + random.nextInt(6));
        if (random.nextInt(3) == 0) {
            text.append(':');
            appendRun(text, random, "0123456789", random.nextInt(7));
        }
        int parts = random.nextInt(4);
        for (int i = 0; i < parts; i++) {
            text.append(random.nextInt(4) == 0 ? '?' : '/');
            appendRun(text, random, "aZ0-._~!$&'()*+,;=:@", random.nextInt(8));
        }
        return text.toString();
    }

    private static void appendRun(StringBuilder text, Random random, String usual, int length) {
        for (int i = 0; i < length; i++) {
            String from = random.nextInt(30) == 0 ? ALPHABET : usual;
            text.append(from.charAt(random.nextInt(from.length())));
        }
    }

    @Test
    void otherValidTextIsParsedAtOnce() {
        DeferredUri escaped = DeferredUri.parse("overview", "https://h/cpl_1?token=a%20b");
        assertThat(escaped.uri()).isEqualTo(URI.create("https://h/cpl_1?token=a%20b"));
    }

    @Test
    void invalidTextFailsAtConstructionNamingTheFieldWithoutTheToken() {
        assertThatThrownBy(() -> DeferredUri.parse("overview", "https://h/cpl 1?token=pga_secretvalue123"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("overview is not a valid URI")
                .hasMessageNotContaining("pga_secretvalue123");
        assertThatThrownBy(() -> DeferredUri.parse("overview", null)).isExactlyInstanceOf(NullPointerException.class)
                .hasMessage("overview must not be null");
    }

    @Test
    void equalByTextAndShownWithoutTheToken() {
        assertThat(DeferredUri.parse("a", LINK)).isEqualTo(DeferredUri.of("b", URI.create(LINK))).hasSameHashCodeAs(DeferredUri.of("b", URI.create(LINK)));
        assertThat(DeferredUri.parse("a", LINK)).hasToString(Secrets.redact(LINK)).isNotEqualTo(DeferredUri.parse("a", LINK + "x"));
        assertThat(DeferredUri.parse("a", LINK).toString()).doesNotContain("pga_secretvalue123");
    }
}
