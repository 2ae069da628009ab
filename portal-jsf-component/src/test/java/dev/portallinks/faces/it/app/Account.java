package dev.portallinks.faces.it.app;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.ScheduledChange;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.AjaxBehaviorEvent;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The test application's server-side state: the signed-in customer and their subscriptions, as an
 * application's own bean would hold them. Tests change it through {@link StateResource}, never through the page.
 */
@Named("account")
@ApplicationScoped
public class Account {

    /** The customer every test page is for, unless a test signs another in to its HTTP session. */
    public static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";

    private final List<String> subscriptions = new CopyOnWriteArrayList<>();
    private final Map<String, SubscriptionStatus> statuses = new ConcurrentHashMap<>();
    private final Map<String, Instant> cancellations = new ConcurrentHashMap<>();
    private final AtomicInteger listenerCalls = new AtomicInteger();
    /** The HTTP session attribute holding the customer a test signed in ({@link StateResource#signIn}). */
    static final String SIGNED_IN = "dev.portallinks.faces.it.customer";

    /** @return the Paddle ID of the customer signed in to this HTTP session, else {@link #CUSTOMER} */
    public String getCustomer() {
        FacesContext context = FacesContext.getCurrentInstance();
        Object signedIn = context == null ? null : context.getExternalContext().getSessionMap().get(SIGNED_IN);
        return signedIn instanceof String customer ? customer : CUSTOMER;
    }

    /** @return the customer's subscriptions */
    public List<String> getSubscriptions() {
        return List.copyOf(subscriptions);
    }

    /**
     * The subscriptions as Paddle's listing would give them: each with its status (active unless a test set another)
     * and a scheduled cancellation where a test set one.
     *
     * @return the summaries, in order
     */
    public List<SubscriptionSummary> getSummaries() {
        CustomerId customer = CustomerId.of(getCustomer());
        return subscriptions.stream().map(id -> new SubscriptionSummary(SubscriptionId.of(id), customer,
                statuses.getOrDefault(id, SubscriptionStatus.ACTIVE), null, "USD", List.of(),
                cancellations.containsKey(id) ? new ScheduledChange(ScheduledChange.Action.CANCEL, cancellations.get(id)) : null)).toList();
    }

    void status(String subscription, SubscriptionStatus status, Instant cancelsAt) {
        statuses.put(subscription, status);
        if (cancelsAt == null) {
            cancellations.remove(subscription);
        } else {
            cancellations.put(subscription, cancelsAt);
        }
    }

    /** @return the first subscription, for the single button, or null */
    public String getFirst() {
        return subscriptions.isEmpty() ? null : subscriptions.get(0);
    }

    /**
     * An {@code <f:ajax listener>}: counts the clicks it was told about.
     *
     * @param event the behaviour event, raised by a Portal Links component
     */
    public void clicked(AjaxBehaviorEvent event) {
        listenerCalls.incrementAndGet();
    }

    /** @return how often {@link #clicked} was called since the subscriptions were last replaced */
    int listenerCalls() {
        return listenerCalls.get();
    }

    void replace(List<String> replacement) {
        listenerCalls.set(0);
        statuses.clear();
        cancellations.clear();
        subscriptions.clear();
        subscriptions.addAll(replacement);
    }

    boolean remove(String subscription) {
        return subscriptions.remove(subscription);
    }
}
