package dev.portallinks.impl.paddle;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** One page of Paddle's {@code GET /subscriptions}: the subscriptions and the pagination. */
public class SubscriptionListEnvelope {

    /** The subscriptions on this page. */
    public List<Subscription> data;

    /** Request ID and pagination. */
    public PaddleMeta meta;

    /** The fields of Paddle's subscription entity the library reads. */
    public static class Subscription {

        /** {@code sub_…}. */
        public String id;

        /** {@code active}, {@code canceled}, … */
        public String status;

        /** {@code ctm_…}. */
        @JsonbProperty("customer_id")
        public String customerId;

        /** ISO 4217. */
        @JsonbProperty("currency_code")
        public String currencyCode;

        /** RFC 3339, or null. */
        @JsonbProperty("next_billed_at")
        public String nextBilledAt;

        /** The items. */
        public List<Item> items;

        /** A change Paddle will make at the end of the period, or null. */
        @JsonbProperty("scheduled_change")
        public ScheduledChange scheduledChange;
    }

    /** Paddle's {@code scheduled_change}. */
    public static class ScheduledChange {

        /** {@code cancel}, {@code pause} or {@code resume}. */
        public String action;

        /** RFC 3339. */
        @JsonbProperty("effective_at")
        public String effectiveAt;
    }

    /** A subscription item. */
    public static class Item {

        /** How many. */
        public Integer quantity;

        /** Whether it is billed every period. */
        public Boolean recurring;

        /** The price. */
        public Price price;

        /** The product. */
        public Product product;
    }

    /** A price. */
    public static class Price {

        /** The price's name. */
        public String name;

        /** The price's description. */
        public String description;

        /** The unit price. */
        @JsonbProperty("unit_price")
        public Money unitPrice;
    }

    /** Paddle's money object: an integer string in the lowest denomination and a currency. */
    public static class Money {

        /** E.g. {@code "3000"}. */
        public String amount;

        /** ISO 4217. */
        @JsonbProperty("currency_code")
        public String currencyCode;
    }

    /** A product. */
    public static class Product {

        /** The product's name. */
        public String name;
    }
}
