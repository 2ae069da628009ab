package dev.portallinks.demo;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PaddleUnavailableException;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.logging.Logger;

/**
 * The "Account &gt; Billing" page: the customer's subscriptions, listed once per view through
 * {@link PortalLinkService#listSubscriptions(CustomerId)} (all pages), kept on the server for the billing buttons.
 * Failures become a friendly message, never a stack trace.
 */
@Named("billing")
@ViewScoped
public class BillingPage implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(BillingPage.class.getName());

    @Inject
    transient PortalLinkService portal;

    @Inject
    DemoSettings settings;

    private List<SubscriptionSummary> subscriptions;
    private String problem;

    /** @return the customer's Paddle ID (server-side state for the buttons), or null when not configured */
    public CustomerId getCustomer() {
        return settings.customer().orElse(null);
    }

    /** @return whether the simulator is in use */
    public boolean isSimulator() {
        return settings.simulator();
    }

    /** @return the subscriptions, loaded on first use in this view; empty when they could not be loaded */
    public List<SubscriptionSummary> getSubscriptions() {
        if (subscriptions == null) {
            subscriptions = load();
        }
        return subscriptions;
    }

    /** @return a friendly explanation of why the subscriptions could not be loaded, or null */
    public String getProblem() {
        getSubscriptions();
        return problem;
    }

    private List<SubscriptionSummary> load() {
        CustomerId customer = getCustomer();
        if (customer == null) {
            problem = text("problem.customer");
            return List.of();
        }
        try {
            return portal.listSubscriptions(customer);
        } catch (PaddleRateLimitedException limited) {
            problem = text("problem.rateLimited", Math.max(1, Duration.between(Instant.now(), limited.retryAt()).toSeconds()));
        } catch (PaddleUnavailableException unavailable) {
            problem = text("problem.unavailable");
        } catch (PortalLinkException failed) {
            problem = text("problem.failed");
        }
        LOG.warning(() -> "Billing page without subscriptions: " + problem);
        return List.of();
    }

    /**
     * @param subscription a row
     * @return its product names
     */
    public String products(SubscriptionSummary subscription) {
        return String.join(", ", subscription.productNames());
    }

    /**
     * @param subscription a row
     * @return its status in words
     */
    public String status(SubscriptionSummary subscription) {
        return text("status." + subscription.status().name().toLowerCase(Locale.ROOT));
    }

    /**
     * @param subscription a row
     * @return a CSS modifier for its status
     */
    public String statusClass(SubscriptionSummary subscription) {
        return subscription.status() == SubscriptionStatus.ACTIVE || subscription.status() == SubscriptionStatus.TRIALING ? "ok"
                : subscription.status() == SubscriptionStatus.PAST_DUE ? "warn" : "off";
    }

    /**
     * @param subscription a row
     * @return when it is billed next, or a dash
     */
    public String nextBilling(SubscriptionSummary subscription) {
        return subscription.nextBilling()
                .map(date -> text("next", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale()).format(date.atZone(ZoneOffset.UTC))))
                .orElse(text("next.none"));
    }

    /**
     * @param subscription a row
     * @return the price of one period, formatted for the view's locale
     */
    public String price(SubscriptionSummary subscription) {
        return subscription.recurringSubtotal().map(amount -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale());
            format.setCurrency(Currency.getInstance(amount.currencyCode()));
            return format.format(amount.toDecimal());
        }).orElse("—");
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }

    private static String text(String key, Object... arguments) {
        String pattern = ResourceBundle.getBundle("dev.portallinks.demo.texts", locale()).getString(key);
        return arguments.length == 0 ? pattern : new java.text.MessageFormat(pattern, locale()).format(arguments);
    }
}
