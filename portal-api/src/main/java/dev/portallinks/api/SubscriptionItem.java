package dev.portallinks.api;

/**
 * One line of a subscription: a product at a price, times a quantity. Immutable, serializable and thread-safe.
 *
 * @param productName the product's name, not null
 * @param priceName the price's name or description (e.g. "Monthly (per seat)"), may be null
 * @param quantity how many, at least 0
 * @param recurring whether the item is billed every period (false for one-time charges)
 * @param unitPrice the price of one, may be null when Paddle gives none
 */
public record SubscriptionItem(String productName, String priceName, int quantity, boolean recurring, Amount unitPrice) implements java.io.Serializable {

    /**
     * Validates the item.
     *
     * @throws NullPointerException if {@code productName} is null
     * @throws IllegalArgumentException if {@code quantity} is negative
     */
    public SubscriptionItem {
        Validation.requireNonNull("productName", productName);
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity " + quantity + " is negative");
        }
    }
}
