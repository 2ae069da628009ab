package dev.portallinks.api;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * An audit event: a portal link was handed out to a customer. Fired as a CDI event, synchronously and asynchronously
 * (observe it with {@code @Observes} or {@code @ObservesAsync}), once per link, by {@link PortalLinkService#link}, the
 * Faces components and the redirect endpoint; {@link PortalLinkService#createSession} fires none, because its caller
 * decides which of the session's links it hands out (and can fire it with {@link PortalLinkService#audit}).
 *
 * <pre>
 * &#64;ApplicationScoped
 * public class PortalAudit {
 *     private static final Logger AUDIT = Logger.getLogger("audit.portal");
 *
 *     void issued(&#64;ObservesAsync PortalLinkIssued link) {
 *         AUDIT.info(link::toString);
 *     }
 * }
 * </pre>
 *
 * <p>It says who got which page, through which entry point, and which Paddle session and request stand behind it (give
 * those to Paddle support), or that the configured fallback URL was handed out instead because Paddle could not be
 * used. It never holds the link or its token: it can go to any log or store. Immutable, serializable, thread-safe.
 *
 * @param customer whose portal, not null
 * @param action which page, not null
 * @param subscription the subscription of the page; null for the overview, not null for the other actions
 * @param sessionId Paddle's ID of the portal session ({@code cpls_…}); null when {@code fallback}
 * @param paddleRequestId Paddle's request ID of the call that created the session; null when {@code fallback} or when
 *        Paddle sent none
 * @param fallback true when the fallback URL ({@code paddle.portal.fallback-url} or a component's {@code fallback}) was
 *        handed out instead of a Paddle link
 * @param entryPoint where the link was asked for, not null
 * @param issuedAt when it was handed out, not null
 */
public record PortalLinkIssued(CustomerId customer, PortalAction action, SubscriptionId subscription, String sessionId, String paddleRequestId,
        boolean fallback, PortalEntryPoint entryPoint, Instant issuedAt) implements PortalAuditEvent {

    private static final Pattern SESSION_ID = Pattern.compile(PortalSession.ID_PATTERN);

    /**
     * Validates the event.
     *
     * @throws NullPointerException naming a missing field
     * @throws IllegalArgumentException when the subscription does not fit the action, a Paddle link lacks a valid
     *         session ID, or a fallback names one
     */
    public PortalLinkIssued {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(action, "action must not be null");
        Objects.requireNonNull(entryPoint, "entryPoint must not be null");
        Objects.requireNonNull(issuedAt, "issuedAt must not be null");
        if (action.needsSubscription() != (subscription != null)) {
            throw new IllegalArgumentException(action + (action.needsSubscription() ? " needs a subscription" : " takes no subscription"));
        }
        if (fallback) {
            if (sessionId != null || paddleRequestId != null) {
                throw new IllegalArgumentException("a fallback link has no Paddle session or request");
            }
        } else if (sessionId == null || !SESSION_ID.matcher(sessionId).matches()) {
            throw new IllegalArgumentException("a Paddle link needs the session's ID matching " + PortalSession.ID_PATTERN);
        }
    }

    /**
     * The event for a link of a session Paddle created.
     *
     * @param session the session the link comes from
     * @param action the page
     * @param subscription the subscription, or null for the overview
     * @param entryPoint where it was asked for
     * @param issuedAt when
     * @return the event
     */
    public static PortalLinkIssued of(PortalSession session, PortalAction action, SubscriptionId subscription, PortalEntryPoint entryPoint,
            Instant issuedAt) {
        return new PortalLinkIssued(session.customer(), action, subscription, session.id(), session.requestId(), false, entryPoint, issuedAt);
    }

    /**
     * The event for the fallback URL handed out instead of a Paddle link.
     *
     * @param customer whose portal
     * @param action the page that was asked for
     * @param subscription the subscription, or null for the overview
     * @param entryPoint where it was asked for
     * @param issuedAt when
     * @return the event
     */
    public static PortalLinkIssued fallback(CustomerId customer, PortalAction action, SubscriptionId subscription, PortalEntryPoint entryPoint,
            Instant issuedAt) {
        return new PortalLinkIssued(customer, action, subscription, null, null, true, entryPoint, issuedAt);
    }

    /** @return the subscription, empty for the overview */
    public Optional<SubscriptionId> subscriptionIfAny() {
        return Optional.ofNullable(subscription);
    }
}
