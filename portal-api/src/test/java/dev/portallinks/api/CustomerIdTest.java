package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InvalidObjectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Covers CustomerId: Paddle's ID pattern, the messages of rejected IDs, value semantics and serialization.
class CustomerIdTest {

    private static final String VALID = "ctm_01grnn4zta5a1mf02jjze7y2ys";

    @ParameterizedTest
    @ValueSource(strings = {
        "ctm_01grnn4zta5a1mf02jjze7y2ys",
        "ctm_01h8441jn5pcwrfhwh78jqt8hk",
        "ctm_00000000000000000000000000",
        "ctm_abcdefghijklmnopqrstuvwxyz",
        "ctm_zzzzzzzzzzzzzzzzzzzzzzzzzz"
    })
    void acceptsPaddleCustomerIds(String value) {
        CustomerId id = CustomerId.of(value);

        assertThat(id.value()).isEqualTo(value);
        assertThat(new CustomerId(value)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "ctm_",
        "ctm_123",
        "sub_01grnn4zta5a1mf02jjze7y2ys",
        "cus_01grnn4zta5a1mf02jjze7y2ys",
        "ctm01grnn4zta5a1mf02jjze7y2ys",
        "ctm-01grnn4zta5a1mf02jjze7y2ys",
        "CTM_01grnn4zta5a1mf02jjze7y2ys",
        "ctm_01GRNN4ZTA5A1MF02JJZE7Y2YS",
        "ctm_01grnn4zta5a1mf02jjze7y2yS",
        "ctm_01grnn4zta5a1mf02jjze7y2y",
        "ctm_01grnn4zta5a1mf02jjze7y2ysa",
        " ctm_01grnn4zta5a1mf02jjze7y2ys",
        "ctm_01grnn4zta5a1mf02jjze7y2ys ",
        "\tctm_01grnn4zta5a1mf02jjze7y2ys",
        "ctm_01grnn4zta5a1mf02jjze7y2ys\n",
        "ctm_01grnn4zta5a1mf02jjze7y2ys\r\n",
        "ctm_01grnn4zta5a1mf0\njjze7y2ys",
        "ctm_01grnn4zta5a1mf02jjze7y2y\u0661",
        "ctm_\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664\u0665",
        "ctm_01grnn4zta5a1mf02jjze7y2y\uff11",
        "ctm_01grnn4zta5a1mf02jjze7y2y\u00e9",
        "ctm_01grnn4zta5a1mf02jjze7y2-s",
        "ctm_01grnn4zta5a1mf02jjze7y2_s"
    })
    void rejectsWhatIsNotACustomerId(String value) {
        // Quoted (Validation.quoted): aRejectedValueIsQuotedEscapedAndCut shows what that means.
        assertThatThrownBy(() -> CustomerId.of(value))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("customer ID " + Validation.quoted(value) + " does not match ")
                .hasMessageContaining(CustomerId.PATTERN)
                .hasMessageContaining("for example " + VALID);
    }

    @Test
    void constructorRejectsLikeTheFactory() {
        assertThatThrownBy(() -> new CustomerId("ctm_123"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("customer ID")
                .hasMessageContaining("\"ctm_123\"");
    }

    @Test
    void rejectsNullNamingTheField() {
        assertThatThrownBy(() -> CustomerId.of(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("customer ID must not be null")
                .hasMessageContaining(CustomerId.PATTERN);
    }

    @Test
    void rejectedValueHoldingATokenIsRedactedInTheMessage() {
        assertThatThrownBy(() -> CustomerId.of("https://x.example/?token=pga_secretvalue123"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("token=" + Secrets.REDACTED)
                .hasMessageNotContaining("pga_secretvalue123");
    }

    @Test
    void patternConstantIsPaddles() {
        assertThat(CustomerId.PATTERN).isEqualTo("^ctm_[a-z\\d]{26}$");
    }

    @Test
    void toStringIsTheRawValue() {
        assertThat(CustomerId.of(VALID)).hasToString(VALID);
    }

    @Test
    void equalsAndHashCodeAreByValue() {
        CustomerId a = CustomerId.of(VALID);
        CustomerId b = CustomerId.of(new String(VALID.toCharArray()));
        CustomerId other = CustomerId.of("ctm_01h8441jn5pcwrfhwh78jqt8hk");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other);
        assertThat(a).isNotEqualTo(SubscriptionId.of("sub_01grnn4zta5a1mf02jjze7y2ys"));
        assertThat(a.hashCode()).isNotEqualTo(other.hashCode());
    }

    @Test
    void survivesASerializationRoundTrip() throws Exception {
        CustomerId id = CustomerId.of(VALID);

        CustomerId copy = RoundTrip.copy(id);

        assertThat(copy).isEqualTo(id).isNotSameAs(id);
        assertThat(copy.value()).isEqualTo(VALID);
    }

    @Test
    void deserializationValidatesAgain() {
        byte[] tampered = RoundTrip.replaceAscii(RoundTrip.serialize(CustomerId.of(VALID)), VALID, "ctm_01GRNN4ZTA5A1MF02JJZE7Y2YS");

        assertThatThrownBy(() -> RoundTrip.deserialize(tampered))
                .isInstanceOf(InvalidObjectException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("customer ID \"ctm_01GRNN4ZTA5A1MF02JJZE7Y2YS\" does not match " + CustomerId.PATTERN
                        + " (for example " + VALID + ")");
    }

    @Test
    void aRejectedValueIsQuotedEscapedAndCut() {
        // A path parameter carrying a forged log line, then a long payload: neither reaches the message as it is.
        String posted = "ctm_x\r\nSEVERE: forged\u0085" + "y".repeat(500);

        assertThatThrownBy(() -> CustomerId.of(posted)).hasMessageStartingWith("customer ID \"ctm_x\\u000d\\u000aSEVERE: forged\\u0085yyy")
                .hasMessageContaining("\" (cut from " + posted.length() + " characters) does not match ").hasMessageNotContaining("\n")
                .hasMessageNotContaining("y".repeat(100));
    }
}
