package dev.portallinks.test;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A subscription the simulator knows, seeded through {@link PaddleSimulator#subscription}; each setter returns this,
 * so a test reads like the data it needs. Thread-safe: a test may change it while the simulator answers.
 */
public final class SimulatedSubscription {

    private static final Pattern ID = Pattern.compile("^sub_[a-z\\d]{26}$");

    private final String id;
    private final String customer;
    private volatile String status = "active";
    private volatile String product = "Simulated plan";
    private volatile String price = "Monthly";
    private volatile long unitPriceCents = 1000;
    private volatile String currency = "USD";
    private volatile int quantity = 1;
    private volatile Instant nextBilledAt = Instant.parse("2030-01-01T00:00:00Z");
    private volatile String scheduledAction;
    private volatile Instant scheduledAt;

    SimulatedSubscription(String id, String customer) {
        if (!ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
            throw new IllegalArgumentException("a Paddle subscription ID matches " + ID.pattern() + "; \"" + id + "\" does not");
        }
        this.id = id;
        this.customer = customer;
    }

    /**
     * @param status Paddle's status: {@code active}, {@code canceled}, {@code past_due}, {@code paused} or {@code trialing}
     * @return this
     */
    public SimulatedSubscription status(String status) {
        if (!PaddleSimulator.STATUSES.contains(status)) {
            throw new IllegalArgumentException("status must be one of " + PaddleSimulator.STATUSES + ", not \"" + status + "\"");
        }
        this.status = status;
        return this;
    }

    /**
     * @param product the product's name
     * @return this
     */
    public SimulatedSubscription product(String product) {
        this.product = Objects.requireNonNull(product, "product");
        return this;
    }

    /**
     * @param name the price's name, e.g. {@code Monthly}
     * @param unitPriceCents the amount in the currency's smallest unit
     * @param currency the ISO 4217 code
     * @return this
     */
    public SimulatedSubscription price(String name, long unitPriceCents, String currency) {
        this.price = Objects.requireNonNull(name, "name");
        this.unitPriceCents = unitPriceCents;
        this.currency = Objects.requireNonNull(currency, "currency");
        return this;
    }

    /**
     * @param quantity how many of the price, e.g. seats; at least 1
     * @return this
     */
    public SimulatedSubscription quantity(int quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be at least 1, not " + quantity);
        }
        this.quantity = quantity;
        return this;
    }

    /**
     * @param nextBilledAt the next billing date, or null (a canceled subscription has none)
     * @return this
     */
    public SimulatedSubscription nextBilledAt(Instant nextBilledAt) {
        this.nextBilledAt = nextBilledAt;
        return this;
    }

    /**
     * Schedules a change, as Paddle's {@code scheduled_change}.
     *
     * @param action {@code cancel}, {@code pause} or {@code resume}
     * @param effectiveAt when it takes effect
     * @return this
     */
    public SimulatedSubscription scheduledChange(String action, Instant effectiveAt) {
        if (!"cancel".equals(action) && !"pause".equals(action) && !"resume".equals(action)) {
            throw new IllegalArgumentException("a scheduled change is cancel, pause or resume, not \"" + action + "\"");
        }
        this.scheduledAction = action;
        this.scheduledAt = Objects.requireNonNull(effectiveAt, "effectiveAt");
        return this;
    }

    /** @return the ID */
    public String id() {
        return id;
    }

    /** @return the customer it belongs to */
    public String customer() {
        return customer;
    }

    String status() {
        return status;
    }

    String product() {
        return product;
    }

    String price() {
        return price;
    }

    long unitPriceCents() {
        return unitPriceCents;
    }

    String currency() {
        return currency;
    }

    int quantity() {
        return quantity;
    }

    Instant nextBilledAt() {
        return nextBilledAt;
    }

    String scheduledAction() {
        return scheduledAction;
    }

    Instant scheduledAt() {
        return scheduledAt;
    }
}
