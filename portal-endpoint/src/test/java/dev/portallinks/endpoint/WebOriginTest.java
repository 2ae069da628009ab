package dev.portallinks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Origins as the Origin header and the allowed-origins property write them, normalized so equal origins are equal.
class WebOriginTest {

    @Test
    void parsesAnOriginAndWritesItBackTheSame() {
        assertThat(WebOrigin.parse("https://app.example.com")).hasValue(new WebOrigin("https", "app.example.com", -1));
        assertThat(WebOrigin.parse("http://127.0.0.1:9080").map(WebOrigin::toString)).hasValue("http://127.0.0.1:9080");
        assertThat(WebOrigin.parse("http://[::1]:8080").map(WebOrigin::toString)).hasValue("http://[::1]:8080");
    }

    @Test
    void twoSpellingsOfOneOriginAreEqual() {
        assertThat(WebOrigin.parse("HTTPS://App.Example.COM:443")).hasValue(new WebOrigin("https", "app.example.com", 443));
        assertThat(new WebOrigin("http", "localhost", 80)).isEqualTo(new WebOrigin("http", "localhost", -1));
        // The servlet API gives an IPv6 host without brackets.
        assertThat(new WebOrigin("http", "::1", 8080)).isEqualTo(WebOrigin.parse("http://[::1]:8080").orElseThrow());
    }

    @Test
    void theSameHostOnAnotherSchemeOrPortIsAnotherOrigin() {
        assertThat(WebOrigin.parse("http://app.example.com")).isNotEqualTo(WebOrigin.parse("https://app.example.com"));
        assertThat(WebOrigin.parse("https://app.example.com:8443")).isNotEqualTo(WebOrigin.parse("https://app.example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "", "app.example.com", "https://", "https://app.example.com/", "https://app.example.com/path",
        "https://user@app.example.com", "https://app.example.com?x", "https://app.example.com#x", "ftp://app.example.com",
        "javascript:alert(1)", "https://app example.com", "https://app.example.com:99999"})
    void anythingButExactlyAnHttpOriginIsNone(String text) {
        assertThat(WebOrigin.parse(text)).isEmpty();
    }

    @Test
    void nullIsNone() {
        assertThat(WebOrigin.parse(null)).isEmpty();
    }

    @Test
    void refusesInvalidParts() {
        assertThatThrownBy(() -> new WebOrigin("ftp", "example.com", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebOrigin("https", "", -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new WebOrigin("https", "example.com", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
