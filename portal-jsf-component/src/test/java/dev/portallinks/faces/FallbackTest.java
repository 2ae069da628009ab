package dev.portallinks.faces;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// The fallback attribute's documented forms, and everything else refused with a message naming the accepted forms.
class FallbackTest {

    @ParameterizedTest
    @CsvSource({
        "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw, URL",
        "HTTPS://example.com, URL",
        "/fallback.xhtml, PATH",
        "/, PATH",
        "/billing/unavailable?from=portal, PATH",
        "billing-unavailable, OUTCOME",
        "billing/unavailable?faces-redirect=true, OUTCOME"
    })
    void theDocumentedFormsAreRecognised(String fallback, Fallback.Kind kind) {
        assertThat(Fallback.kind(fallback)).isEqualTo(kind);
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://example.com/", "javascript:alert(1)", "//evil.example/", "/\\evil.example/", "\\\\evil.example",
        "https://user:pass@example.com/", "https:///no-host", "ftp://example.com/", "billing unavailable", "data:text/html,hi",
        "/path with space", "outcome\r\nSet-Cookie: x=1", "mailto:support@example.com"})
    void everythingElseIsRefusedNamingTheAcceptedForms(String fallback) {
        assertThatThrownBy(() -> Fallback.kind(fallback)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is none of the accepted forms").hasMessageContaining("https://").hasMessageContaining("navigation outcome")
                .hasMessageNotContaining("\r").hasMessageNotContaining("\n");
    }
}
