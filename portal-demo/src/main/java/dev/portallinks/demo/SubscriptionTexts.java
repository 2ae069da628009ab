package dev.portallinks.demo;

import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PaddleUnavailableException;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.Locale;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * How the demo words a subscription and a failed listing, in one language: shared by the Faces billing page and the
 * plain HTML/JS page's JSON, so both show the same rows.
 */
public final class SubscriptionTexts {

    private final Locale locale;
    private final ResourceBundle texts;

    /** @param locale the language of the texts and the format of dates and prices */
    public SubscriptionTexts(Locale locale) {
        this.locale = Objects.requireNonNull(locale, "locale must not be null");
        this.texts = ResourceBundle.getBundle("dev.portallinks.demo.texts", locale);
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
     * @return a CSS modifier for its status: {@code ok}, {@code warn} or {@code off}
     */
    public static String statusClass(SubscriptionSummary subscription) {
        return subscription.status() == SubscriptionStatus.ACTIVE || subscription.status() == SubscriptionStatus.TRIALING ? "ok"
                : subscription.status() == SubscriptionStatus.PAST_DUE ? "warn" : "off";
    }

    /**
     * @param subscription a row
     * @return when it is billed next, or that it is not
     */
    public String nextBilling(SubscriptionSummary subscription) {
        return subscription.nextBilling()
                .map(date -> text("next", DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).format(date.atZone(ZoneOffset.UTC))))
                .orElse(text("next.none"));
    }

    /**
     * @param subscription a row
     * @return the price of one period, or a dash
     */
    public String price(SubscriptionSummary subscription) {
        return subscription.recurringSubtotal().map(amount -> {
            NumberFormat format = NumberFormat.getCurrencyInstance(locale);
            format.setCurrency(Currency.getInstance(amount.currencyCode()));
            return format.format(amount.toDecimal());
        }).orElse("—");
    }

    /** @return why there is no list when no customer is configured */
    public String noCustomer() {
        return text("problem.customer");
    }

    /**
     * @param failure why the subscriptions could not be listed
     * @return a friendly explanation, never the exception's message
     */
    public String listingFailed(PortalLinkException failure) {
        if (failure instanceof PaddleRateLimitedException limited) {
            return text("problem.rateLimited", Math.max(1, Duration.between(Instant.now(), limited.retryAt()).toSeconds()));
        }
        return text(failure instanceof PaddleUnavailableException ? "problem.unavailable" : "problem.failed");
    }

    /**
     * @param key a key of {@code texts.properties}
     * @param arguments its {@link MessageFormat} arguments
     * @return the text
     */
    public String text(String key, Object... arguments) {
        String pattern = texts.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }
}
