package dev.portallinks.impl.paddle;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** Paddle's answer to {@code POST /customers/{customer_id}/portal-sessions}: {@code {"data": …, "meta": …}}. */
public class PortalSessionEnvelope {

    /** The session. */
    public Data data;

    /** The request ID. */
    public PaddleMeta meta;

    /** Paddle's customer portal session entity. */
    public static class Data {

        /** {@code cpls_…}. */
        public String id;

        /** {@code ctm_…}. */
        @JsonbProperty("customer_id")
        public String customerId;

        /** The authenticated links. */
        public Urls urls;

        /** RFC 3339. */
        @JsonbProperty("created_at")
        public String createdAt;
    }

    /** {@code urls}: general links and per-subscription links. */
    public static class Urls {

        /** Links not tied to an entity. */
        public General general;

        /** One entry per requested subscription. */
        public List<SubscriptionUrls> subscriptions;
    }

    /** {@code urls.general}. */
    public static class General {

        /** The overview link. */
        public String overview;
    }

    /** One entry of {@code urls.subscriptions}. */
    public static class SubscriptionUrls {

        /** {@code sub_…}. */
        public String id;

        /** The cancellation link. */
        @JsonbProperty("cancel_subscription")
        public String cancelSubscription;

        /** The payment-method link. */
        @JsonbProperty("update_subscription_payment_method")
        public String updateSubscriptionPaymentMethod;
    }
}
