package dev.portallinks.webhooks.receiver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.webhooks.testing.Signing;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The bounds and cases Paddle's own vectors leave out. */
class SignatureVerifierTest {

    private static final long NOW = 1_765_000_000L;
    private static final byte[] BODY = Signing.subscriptionNotification("evt_01hv8x2acma2gz7he8kg2s0hna", "subscription.updated",
            "2025-12-06T05:46:40.123456Z", "sub_01hv8x29kz0t586xy6zn1a62ny", "active");

    private final SignatureVerifier verifier = verifier(List.of(Signing.SECRET), 5, 5);

    private static SignatureVerifier verifier(List<String> secrets, int tolerance, int allowance) {
        return new SignatureVerifier(secrets.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList(), Duration.ofSeconds(tolerance),
                Duration.ofSeconds(allowance), Clock.fixed(Instant.ofEpochSecond(NOW), ZoneOffset.UTC));
    }

    private SignatureVerifier.Verdict verify(String header, byte[] body) {
        return verifier.verify(header, body, body.length);
    }

    @Test
    void aSignatureMadeNowIsValid() {
        assertThat(verify(Signing.header(Signing.SECRET, NOW, BODY), BODY)).isEqualTo(SignatureVerifier.Verdict.VALID);
    }

    @Test
    void aTimestampUpToTheToleranceInThePastIsValidOneSecondMoreIsNot() {
        assertThat(verify(Signing.header(Signing.SECRET, NOW - 5, BODY), BODY)).isEqualTo(SignatureVerifier.Verdict.VALID);
        assertThat(verify(Signing.header(Signing.SECRET, NOW - 6, BODY), BODY)).isEqualTo(SignatureVerifier.Verdict.TOO_OLD);
    }

    @Test
    void aTimestampBeyondTheFutureAllowanceIsRefused() {
        assertThat(verify(Signing.header(Signing.SECRET, NOW + 5, BODY), BODY)).isEqualTo(SignatureVerifier.Verdict.VALID);
        assertThat(verify(Signing.header(Signing.SECRET, NOW + 6, BODY), BODY)).isEqualTo(SignatureVerifier.Verdict.IN_FUTURE);
        assertThat(verify(Signing.header(Signing.SECRET, NOW + 86_400 * 4, BODY), BODY)).isEqualTo(SignatureVerifier.Verdict.IN_FUTURE);
    }

    @Test
    void theBoundsAreConfigurable() {
        SignatureVerifier wide = verifier(List.of(Signing.SECRET), 60, 0);

        assertThat(wide.verify(Signing.header(Signing.SECRET, NOW - 60, BODY), BODY, BODY.length)).isEqualTo(SignatureVerifier.Verdict.VALID);
        assertThat(wide.verify(Signing.header(Signing.SECRET, NOW + 1, BODY), BODY, BODY.length)).isEqualTo(SignatureVerifier.Verdict.IN_FUTURE);
    }

    @Test
    void aBodyChangedByOneByteIsRefused() {
        String header = Signing.header(Signing.SECRET, NOW, BODY);
        byte[] changed = BODY.clone();
        changed[changed.length / 2] ^= 1;

        assertThat(verify(header, changed)).isEqualTo(SignatureVerifier.Verdict.MISMATCH);
    }

    @Test
    void onlyTheGivenLengthOfTheBufferIsSigned() {
        byte[] buffer = new byte[BODY.length + 10];
        System.arraycopy(BODY, 0, buffer, 0, BODY.length);

        assertThat(verifier.verify(Signing.header(Signing.SECRET, NOW, BODY), buffer, BODY.length)).isEqualTo(SignatureVerifier.Verdict.VALID);
    }

    @Test
    void aSecondH1MatchingASecondSecretIsAccepted() {
        SignatureVerifier rotating = verifier(List.of(Signing.SECRET, Signing.OTHER_SECRET), 5, 5);
        String header = "ts=" + NOW + ";h1=" + Signing.h1("pdl_ntfset_01hv8x29kz0t586xy6zn1a6000_SomebodyElsesSecretValue000", NOW, BODY) + ";h1="
                + Signing.h1(Signing.OTHER_SECRET, NOW, BODY);

        assertThat(rotating.verify(header, BODY, BODY.length)).isEqualTo(SignatureVerifier.Verdict.VALID);
        assertThat(verify(header, BODY)).as("without the second secret").isEqualTo(SignatureVerifier.Verdict.MISMATCH);
    }

    @Test
    void theMatchingH1MayComeBeforeAnotherOne() {
        // Paddle's Node SDK keeps only the last h1: a header listing the current secret's signature first fails there.
        String header = "ts=" + NOW + ";h1=" + Signing.h1(Signing.SECRET, NOW, BODY) + ";h1=" + Signing.h1(Signing.OTHER_SECRET, NOW, BODY);

        assertThat(verify(header, BODY)).isEqualTo(SignatureVerifier.Verdict.VALID);
    }

    @Test
    void aSignatureOfAnotherSecretIsRefused() {
        assertThat(verify(Signing.header(Signing.OTHER_SECRET, NOW, BODY), BODY)).isEqualTo(SignatureVerifier.Verdict.MISMATCH);
    }

    @Test
    void aHeaderWithOnlyH2IsRefused() {
        String h2 = "ts=" + NOW + ";h2=" + Signing.h1(Signing.SECRET, NOW, BODY);

        assertThat(verify(h2, BODY)).isEqualTo(SignatureVerifier.Verdict.MALFORMED);
    }

    @Test
    void unknownKeysNextToH1AreIgnored() {
        assertThat(verify(Signing.header(Signing.SECRET, NOW, BODY) + ";h2=whatever", BODY)).isEqualTo(SignatureVerifier.Verdict.VALID);
    }

    @Test
    void spacesAroundKeysAndValuesAreTolerated() {
        String header = " ts = " + NOW + " ; h1 = " + Signing.h1(Signing.SECRET, NOW, BODY) + " ";

        assertThat(verify(header, BODY)).isEqualTo(SignatureVerifier.Verdict.VALID);
    }

    @Test
    void aMissingOrEmptyHeaderIsRefused() {
        assertThat(verify(null, BODY)).isEqualTo(SignatureVerifier.Verdict.MISSING);
        assertThat(verify("  ", BODY)).isEqualTo(SignatureVerifier.Verdict.MISSING);
    }

    @Test
    void malformedHeadersAreRefused() {
        String h1 = Signing.h1(Signing.SECRET, NOW, BODY);

        assertThat(verify("h1=" + h1, BODY)).isEqualTo(SignatureVerifier.Verdict.MALFORMED);
        assertThat(verify("ts=" + NOW, BODY)).isEqualTo(SignatureVerifier.Verdict.MALFORMED);
        assertThat(verify("ts=-" + NOW + ";h1=" + h1, BODY)).isEqualTo(SignatureVerifier.Verdict.MALFORMED);
        assertThat(verify("ts=" + NOW + ";ts=" + NOW + ";h1=" + h1, BODY)).isEqualTo(SignatureVerifier.Verdict.MALFORMED);
        assertThat(verify("ts=99999999999999999999;h1=" + h1, BODY)).isEqualTo(SignatureVerifier.Verdict.MALFORMED);
        assertThat(verify("garbage", BODY)).isEqualTo(SignatureVerifier.Verdict.MALFORMED);
    }

    @Test
    void anUpperCaseHexSignatureMatches() {
        String header = "ts=" + NOW + ";h1=" + Signing.h1(Signing.SECRET, NOW, BODY).toUpperCase(Locale.ROOT);

        assertThat(verify(header, BODY)).isEqualTo(SignatureVerifier.Verdict.VALID);
    }
}
