package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InvalidObjectException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Covers SubscriptionId: Paddle's ID pattern, the messages of rejected IDs, value semantics and serialization.
class SubscriptionIdTest {

    private static final String VALID = "sub_01h04vsc0qhwtsbsxh3422wjs4";

    @ParameterizedTest
    @ValueSource(strings = {
        "sub_01h04vsc0qhwtsbsxh3422wjs4",
        "sub_01hv8x29kz0t586xy6zn1a62ny",
        "sub_00000000000000000000000000",
        "sub_abcdefghijklmnopqrstuvwxyz",
        "sub_zzzzzzzzzzzzzzzzzzzzzzzzzz"
    })
    void acceptsPaddleSubscriptionIds(String value) {
        SubscriptionId id = SubscriptionId.of(value);

        assertThat(id.value()).isEqualTo(value);
        assertThat(new SubscriptionId(value)).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "sub_",
        "sub_123",
        "ctm_123",
        "ctm_01h04vsc0qhwtsbsxh3422wjs4",
        "txn_01h04vsc0qhwtsbsxh3422wjs4",
        "sub01h04vsc0qhwtsbsxh3422wjs4",
        "sub-01h04vsc0qhwtsbsxh3422wjs4",
        "SUB_01h04vsc0qhwtsbsxh3422wjs4",
        "sub_01H04VSC0QHWTSBSXH3422WJS4",
        "sub_01h04vsc0qhwtsbsxh3422wjS4",
        "sub_01h04vsc0qhwtsbsxh3422wjs",
        "sub_01h04vsc0qhwtsbsxh3422wjs4a",
        " sub_01h04vsc0qhwtsbsxh3422wjs4",
        "sub_01h04vsc0qhwtsbsxh3422wjs4 ",
        "\tsub_01h04vsc0qhwtsbsxh3422wjs4",
        "sub_01h04vsc0qhwtsbsxh3422wjs4\n",
        "sub_01h04vsc0qhwtsbsxh3422wjs4\r\n",
        "sub_01h04vsc0qhwtsb\nxh3422wjs4",
        "sub_01h04vsc0qhwtsbsxh3422wjs\u0664",
        "sub_\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662\u0663\u0664\u0665",
        "sub_01h04vsc0qhwtsbsxh3422wjs\uff14",
        "sub_01h04vsc0qhwtsbsxh3422wj\u00e94",
        "sub_01h04vsc0qhwtsbsxh3422wj-4",
        "sub_01h04vsc0qhwtsbsxh3422wj_4"
    })
    void rejectsWhatIsNotASubscriptionId(String value) {
        assertThatThrownBy(() -> SubscriptionId.of(value))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("subscription ID " + Validation.quoted(value) + " does not match ")
                .hasMessageContaining(SubscriptionId.PATTERN)
                .hasMessageContaining("for example " + VALID);
    }

    @Test
    void constructorRejectsLikeTheFactory() {
        assertThatThrownBy(() -> new SubscriptionId("sub_123"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("subscription ID")
                .hasMessageContaining("\"sub_123\"");
    }

    @Test
    void rejectsNullNamingTheField() {
        assertThatThrownBy(() -> SubscriptionId.of(null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("subscription ID must not be null")
                .hasMessageContaining(SubscriptionId.PATTERN);
    }

    @Test
    void rejectedValueHoldingAnApiKeyIsRedactedInTheMessage() {
        assertThatThrownBy(() -> SubscriptionId.of("pdl_live_apikey_01abcdefSECRET"))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("\"" + Secrets.REDACTED + "\"")
                .hasMessageNotContaining("SECRET");
    }

    @Test
    void patternConstantIsPaddles() {
        assertThat(SubscriptionId.PATTERN).isEqualTo("^sub_[a-z\\d]{26}$");
    }

    @Test
    void toStringIsTheRawValue() {
        assertThat(SubscriptionId.of(VALID)).hasToString(VALID);
    }

    @Test
    void equalsAndHashCodeAreByValue() {
        SubscriptionId a = SubscriptionId.of(VALID);
        SubscriptionId b = SubscriptionId.of(new String(VALID.toCharArray()));
        SubscriptionId other = SubscriptionId.of("sub_01hv8x29kz0t586xy6zn1a62ny");

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b).isNotEqualTo(other);
        assertThat(a).isNotEqualTo(CustomerId.of("ctm_01h04vsc0qhwtsbsxh3422wjs4"));
        assertThat(a.hashCode()).isNotEqualTo(other.hashCode());
    }

    @Test
    void survivesASerializationRoundTrip() throws Exception {
        SubscriptionId id = SubscriptionId.of(VALID);

        SubscriptionId copy = RoundTrip.copy(id);

        assertThat(copy).isEqualTo(id).isNotSameAs(id);
        assertThat(copy.value()).isEqualTo(VALID);
    }

    @Test
    void deserializationValidatesAgain() {
        byte[] tampered = RoundTrip.replaceAscii(RoundTrip.serialize(SubscriptionId.of(VALID)), VALID, "ctm_01h04vsc0qhwtsbsxh3422wjs4");

        assertThatThrownBy(() -> RoundTrip.deserialize(tampered))
                .isInstanceOf(InvalidObjectException.class)
                .hasRootCauseInstanceOf(IllegalArgumentException.class)
                .hasRootCauseMessage("subscription ID \"ctm_01h04vsc0qhwtsbsxh3422wjs4\" does not match " + SubscriptionId.PATTERN
                        + " (for example " + VALID + ")");
    }
}
