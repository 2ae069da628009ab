package dev.portallinks.api;

import java.math.BigDecimal;
import java.util.Currency;

/**
 * An amount of money as Paddle gives it: an integer in the currency's lowest denomination (cents for USD)
 * and an ISO 4217 currency code. Immutable, serializable and thread-safe.
 *
 * @param minorUnits the amount in the lowest denomination, e.g. {@code 3000} for USD 30.00
 * @param currencyCode the ISO 4217 code, not null, three upper-case letters
 */
public record Amount(long minorUnits, String currencyCode) implements java.io.Serializable {

    /**
     * Validates the currency code.
     *
     * @throws NullPointerException if {@code currencyCode} is null
     * @throws IllegalArgumentException if it is not three upper-case letters
     */
    public Amount {
        Validation.requireCurrencyCode("currency code", currencyCode);
    }

    /**
     * Returns the amount in the currency's main unit, e.g. {@code 30.00} for 3000 USD cents. Currencies the JDK
     * does not know are taken to have two decimals.
     *
     * @return the amount, never null
     */
    public BigDecimal toDecimal() {
        int digits;
        try {
            digits = Math.max(0, Currency.getInstance(currencyCode).getDefaultFractionDigits());
        } catch (IllegalArgumentException unknownToJdk) {
            digits = 2;
        }
        return BigDecimal.valueOf(minorUnits, digits);
    }

    /**
     * Adds another amount of the same currency.
     *
     * @param other the amount to add, not null, same currency
     * @return the sum, never null
     * @throws IllegalArgumentException if the currencies differ
     * @throws ArithmeticException on overflow
     */
    public Amount plus(Amount other) {
        if (!currencyCode.equals(other.currencyCode)) {
            throw new IllegalArgumentException("cannot add " + other.currencyCode + " to " + currencyCode);
        }
        return new Amount(Math.addExact(minorUnits, other.minorUnits), currencyCode);
    }

    /** Returns e.g. {@code "USD 30.00"}. */
    @Override
    public String toString() {
        return currencyCode + " " + toDecimal().toPlainString();
    }
}
