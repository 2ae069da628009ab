package dev.portallinks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

// The cross-site rule: Sec-Fetch-Site first, then Origin, then the opt-in for requests without either.
class CrossSiteGuardTest {

    private static final WebOrigin OWN = WebOrigin.parse("https://shop.example.com").orElseThrow();
    private static final WebOrigin SPA = WebOrigin.parse("https://app.example.com").orElseThrow();
    private static final CrossSiteGuard GUARD = new CrossSiteGuard(Set.of(SPA), false);

    @ParameterizedTest
    @CsvSource(nullValues = "absent", value = {"same-origin, absent", "same-origin, https://shop.example.com", "none, absent", "SAME-ORIGIN, absent",
        // A browser sets both headers; a page cannot forge them. Sec-Fetch-Site wins: behind a proxy the own origin may look other.
        "same-origin, http://shop.example.com:8080"})
    void aSameOriginOrUserInitiatedRequestIsServed(String site, String origin) {
        CrossSiteGuard.Decision decision = GUARD.check(site, origin, OWN);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.corsOriginIfAny()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(nullValues = "absent", value = {"cross-site, https://evil.example.net", "cross-site, absent", "same-site, https://other.example.com",
        "cross-site, https://shop.example.com", "cross-site, null", "something-new, https://evil.example.net"})
    void aCrossSiteRequestFromAnOriginNotAllowedIsRefused(String site, String origin) {
        CrossSiteGuard.Decision decision = GUARD.check(site, origin, OWN);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.explanation()).contains("Sec-Fetch-Site", "portal.endpoint.allowed-origins");
    }

    @ParameterizedTest
    @ValueSource(strings = {"cross-site", "same-site"})
    void anAllowedOtherOriginIsServedAndMayReadTheAnswer(String site) {
        CrossSiteGuard.Decision decision = GUARD.check(site, "https://app.example.com", OWN);

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.corsOriginIfAny()).hasValue(SPA);
    }

    @Test
    void withoutSecFetchSiteTheOwnOriginIsServed() {
        assertThat(GUARD.check(null, "https://shop.example.com", OWN).allowed()).isTrue();
        assertThat(GUARD.check(null, "https://SHOP.example.com:443", OWN).corsOriginIfAny()).isEmpty();
    }

    @Test
    void withoutSecFetchSiteAnAllowedOriginIsServed() {
        assertThat(GUARD.check(null, "https://app.example.com", OWN).corsOriginIfAny()).hasValue(SPA);
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example.net", "http://shop.example.com", "https://shop.example.com:8443", "null", "https://shop.example.com/",
        "garbage"})
    void withoutSecFetchSiteAnyOtherOriginIsRefused(String origin) {
        CrossSiteGuard.Decision decision = GUARD.check(null, origin, OWN);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.explanation()).contains("Origin");
    }

    @Test
    void withoutEitherHeaderTheRequestIsRefusedUnlessTheApplicationOptsIn() {
        assertThat(GUARD.check(null, null, OWN).allowed()).isFalse();
        assertThat(GUARD.check(null, null, OWN).explanation()).contains("portal.endpoint.allow-requests-without-origin");
        assertThat(new CrossSiteGuard(Set.of(), true).check(null, null, OWN).allowed()).isTrue();
    }

    @Test
    void theOptInDoesNotLetAnotherSiteThrough() {
        CrossSiteGuard lenient = new CrossSiteGuard(Set.of(), true);

        assertThat(lenient.check(null, "https://evil.example.net", OWN).allowed()).isFalse();
        assertThat(lenient.check("cross-site", "https://evil.example.net", OWN).allowed()).isFalse();
    }

    @ParameterizedTest
    @NullSource
    void whenTheServerCannotTellItsOwnOriginOnlySecFetchSiteOrTheListHelp(WebOrigin unknown) {
        assertThat(GUARD.check(null, "https://shop.example.com", unknown).allowed()).isFalse();
        assertThat(GUARD.check("same-origin", "https://shop.example.com", unknown).allowed()).isTrue();
        assertThat(GUARD.check(null, "https://app.example.com", unknown).allowed()).isTrue();
    }

    @Test
    void aForgedHeaderCannotForgeALogLine() {
        String explanation = GUARD.check("cross-site\r\nSEVERE: forged", "https://evil.example.net\nINFO: forged", OWN).explanation();

        assertThat(explanation).doesNotContain("\n", "\r").contains("\\u000d\\u000aSEVERE: forged");
    }
}
