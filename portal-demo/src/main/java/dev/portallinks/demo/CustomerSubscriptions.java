package dev.portallinks.demo;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Lists the demo customer's subscriptions through {@link PortalLinkService#listSubscriptions(CustomerId)} (all pages),
 * for both billing pages: the Faces one and the plain HTML/JS one. A failure becomes a friendly text, never a stack trace.
 */
@ApplicationScoped
public class CustomerSubscriptions {

    private static final Logger LOG = Logger.getLogger(CustomerSubscriptions.class.getName());

    /**
     * One listing: the subscriptions, or why there are none to show.
     *
     * @param subscriptions the subscriptions; empty when the listing failed
     * @param problem a friendly explanation of the failure, or null
     */
    public record Listing(List<SubscriptionSummary> subscriptions, String problem) {

        /** Copies the list. */
        public Listing {
            subscriptions = List.copyOf(Objects.requireNonNull(subscriptions, "subscriptions must not be null"));
        }

        static Listing failed(String problem) {
            return new Listing(List.of(), Objects.requireNonNull(problem, "problem must not be null"));
        }

        /** @return the explanation of the failure, empty when the listing worked */
        public Optional<String> failure() {
            return Optional.ofNullable(problem);
        }
    }

    @Inject
    PortalLinkService portal;

    @Inject
    DemoSettings settings;

    /**
     * Lists the configured customer's subscriptions (calls Paddle).
     *
     * @param texts the language of the failure texts
     * @return the listing, never null
     */
    public Listing list(SubscriptionTexts texts) {
        Optional<CustomerId> customer = settings.customer();
        if (customer.isEmpty()) {
            return Listing.failed(texts.noCustomer());
        }
        try {
            return new Listing(portal.listSubscriptions(customer.get()), null);
        } catch (PortalLinkException failed) {
            String problem = texts.listingFailed(failed);
            LOG.warning(() -> "No subscriptions to show: " + problem);
            return Listing.failed(problem);
        }
    }
}
