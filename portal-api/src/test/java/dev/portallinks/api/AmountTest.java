package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

// Covers Amount: currency code validation, conversion to the main unit, addition and overflow.
class AmountTest {

    @ParameterizedTest
    @CsvSource({
        "3000, USD, 30.00, 2",
        "1, USD, 0.01, 2",
        "-250, EUR, -2.50, 2",
        "0, GBP, 0.00, 2",
        "3000, JPY, 3000, 0",
        "1234, KWD, 1.234, 3",
        "3000, ZZZ, 30.00, 2",
        "5, QQQ, 0.05, 2"
    })
    void toDecimalUsesTheCurrencysFractionDigits(long minorUnits, String currency, String expected, int scale) {
        BigDecimal decimal = new Amount(minorUnits, currency).toDecimal();

        assertThat(decimal.toPlainString()).isEqualTo(expected);
        assertThat(decimal.scale()).isEqualTo(scale);
    }

    @Test
    void toStringShowsCurrencyAndDecimal() {
        assertThat(new Amount(3000, "USD")).hasToString("USD 30.00");
        assertThat(new Amount(3000, "JPY")).hasToString("JPY 3000");
        assertThat(new Amount(-5, "EUR")).hasToString("EUR -0.05");
    }

    @Test
    void plusAddsAmountsOfTheSameCurrency() {
        Amount sum = new Amount(1050, "USD").plus(new Amount(250, "USD"));

        assertThat(sum).isEqualTo(new Amount(1300, "USD"));
        assertThat(new Amount(100, "USD").plus(new Amount(-300, "USD"))).isEqualTo(new Amount(-200, "USD"));
    }

    @Test
    void plusRejectsAnotherCurrency() {
        assertThatThrownBy(() -> new Amount(1000, "USD").plus(new Amount(1000, "EUR")))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessage("cannot add EUR to USD");
    }

    @Test
    void plusFailsOnOverflow() {
        assertThatThrownBy(() -> new Amount(Long.MAX_VALUE, "USD").plus(new Amount(1, "USD")))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> new Amount(Long.MIN_VALUE, "USD").plus(new Amount(-1, "USD")))
                .isInstanceOf(ArithmeticException.class);
        assertThat(new Amount(Long.MAX_VALUE - 1, "USD").plus(new Amount(1, "USD")).minorUnits()).isEqualTo(Long.MAX_VALUE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "usd", "Usd", "US", "USDD", " USD", "USD ", "U5D", "US$", "USD\n", "\u00c4BC"})
    void rejectsInvalidCurrencyCodes(String currency) {
        assertThatThrownBy(() -> new Amount(100, currency))
                .isExactlyInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("currency code " + Validation.quoted(currency) + " does not match ^[A-Z]{3}$");
    }

    @Test
    void rejectsNullCurrencyCode() {
        assertThatThrownBy(() -> new Amount(100, null))
                .isExactlyInstanceOf(NullPointerException.class)
                .hasMessageStartingWith("currency code must not be null");
    }

    @Test
    void equalsIsByValue() {
        assertThat(new Amount(100, "USD")).isEqualTo(new Amount(100, "USD"))
                .hasSameHashCodeAs(new Amount(100, "USD"))
                .isNotEqualTo(new Amount(101, "USD"))
                .isNotEqualTo(new Amount(100, "EUR"));
    }

    @Test
    void survivesASerializationRoundTrip() throws Exception {
        Amount amount = new Amount(3000, "USD");

        assertThat(RoundTrip.copy(amount)).isEqualTo(amount).isNotSameAs(amount);
    }
}
