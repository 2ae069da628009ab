package dev.portallinks.faces;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// How a posted value appears in a refusal (and so in the server log): no forged lines, bounded, no secrets.
class RefusedClickExceptionTest {

    @Test
    void anOrdinaryValueIsQuotedAsItIs() {
        assertThat(RefusedClickException.quoted("0|sub_01h04vsc0qhwtsbsxh3422wjs4|cancel_subscription"))
                .isEqualTo("\"0|sub_01h04vsc0qhwtsbsxh3422wjs4|cancel_subscription\"");
    }

    @Test
    void lineBreaksAndOtherControlCharactersCannotStartAForgedLogLine() {
        String shown = RefusedClickException.quoted("overview\r\n[12/1/26 10:00:00:000 UTC] AUDIT admin signed in\u2028\u0000");

        assertThat(shown).doesNotContain("\r", "\n", "\u2028", "\u0000")
                .isEqualTo("\"overview\\u000d\\u000a[12/1/26 10:00:00:000 UTC] AUDIT admin signed in\\u2028\\u0000\"");
    }

    @Test
    void aLongValueIsCutAndSaysHowLongItWas() {
        String shown = RefusedClickException.quoted("A".repeat(100_000));

        assertThat(shown).isEqualTo("\"" + "A".repeat(RefusedClickException.MAX_SHOWN) + "\" (cut from 100000 characters)");
    }

    @Test
    void secretsInThePostAreRedacted() {
        String shown = RefusedClickException.quoted("x?token=pga_secretvalue123&k=pdl_live_apikey_01hv8x29kz0t586xy6zn1a62ny_Secret");

        assertThat(shown).doesNotContain("pga_secretvalue123", "Secret").contains("[redacted]");
    }
}
