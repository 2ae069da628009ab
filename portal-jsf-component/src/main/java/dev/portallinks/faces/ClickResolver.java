package dev.portallinks.faces;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The button values the components post, and the rules that turn a posted value back into a {@link PortalTarget} from
 * server-side state only. No Faces type appears here: the renderers write what {@link #rowValue} and
 * {@link #buttonValue} return, the components pass their attributes' current values, and everything else is decided
 * here (and unit tested).
 *
 * <p>The value formats (none of the parts can contain {@value #VALUE_SEPARATOR}: IDs are {@code [a-z0-9_]}, actions
 * {@code [a-z_]}):
 * <ul>
 * <li>{@code <pl:billingButtons>}: {@value #OVERVIEW_VALUE} for the overview button, {@code row|subscription ID|action}
 * for a row's button, e.g. {@code 0|sub_01h04vsc0qhwtsbsxh3422wjs4|cancel_subscription};</li>
 * <li>{@code <pl:portalButton>}: the action, followed for a subscription action by {@code |subscription ID}.</li>
 * </ul>
 * The browser only says which button was clicked. The row index locates the row, and the subscription ID must still be
 * that row's, so a click on a page whose rows have changed since it rendered is refused instead of acting on whatever
 * subscription holds that row now.
 */
final class ClickResolver {

    /** Separates the parts of a posted button value. */
    static final String VALUE_SEPARATOR = "|";
    /** What the overview button of {@code <pl:billingButtons>} posts. */
    static final String OVERVIEW_VALUE = "overview";
    /** The actions {@code <pl:billingButtons>} shows by default. */
    static final String DEFAULT_ACTIONS = "cancel_subscription update_payment_method overview";

    /**
     * One row of {@code <pl:billingButtons>}.
     *
     * @param index its position in the subscriptions collection
     * @param id its subscription
     * @param item the collection's element: a {@link SubscriptionId}, its text or a {@link SubscriptionSummary}
     */
    record Row(int index, SubscriptionId id, Object item) {
    }

    private ClickResolver() {
    }

    // ------------------------------------------------------------------------------------------------ Values

    /**
     * @param row the row
     * @param action a subscription action
     * @return what the row's button for the action posts
     */
    static String rowValue(Row row, PortalAction action) {
        return row.index() + VALUE_SEPARATOR + row.id().value() + VALUE_SEPARATOR + action.paddleName().toLowerCase(Locale.ROOT);
    }

    /**
     * @param action the button's action
     * @param subscription the subscription it was rendered for, or null (overview, or none usable yet: a click is then refused)
     * @return what a {@code <pl:portalButton>} posts
     */
    static String buttonValue(PortalAction action, SubscriptionId subscription) {
        return !action.needsSubscription() || subscription == null ? action.paddleName()
                : action.paddleName() + VALUE_SEPARATOR + subscription.value();
    }

    // -------------------------------------------------------------------------------------- Server-side state

    /**
     * Parses the {@code customer} attribute.
     *
     * @param attribute a {@link CustomerId} or its text
     * @return the customer
     * @throws RefusedClickException when it is neither (or blank, or invalid)
     */
    static CustomerId customer(Object attribute) throws RefusedClickException {
        if (attribute instanceof CustomerId id) {
            return id;
        }
        if (attribute instanceof String text && !text.isBlank()) {
            try {
                return CustomerId.of(text);
            } catch (IllegalArgumentException invalid) {
                throw new RefusedClickException("the customer attribute is invalid: " + invalid.getMessage());
            }
        }
        throw new RefusedClickException("the customer attribute evaluated to " + (attribute == null ? "null" : attribute.getClass().getName()));
    }

    /**
     * Turns one element of a subscriptions value into its ID.
     *
     * @param item a {@link SubscriptionId}, its text, or a {@link SubscriptionSummary}
     * @return the ID
     * @throws IllegalArgumentException when the item is none of these or not a valid ID
     */
    static SubscriptionId subscriptionId(Object item) {
        if (item instanceof SubscriptionId id) {
            return id;
        }
        if (item instanceof SubscriptionSummary summary) {
            return summary.id();
        }
        if (item instanceof String text) {
            return SubscriptionId.of(text);
        }
        throw new IllegalArgumentException("a subscription must be a SubscriptionId, its text or a SubscriptionSummary, not "
                + (item == null ? "null" : item.getClass().getName()));
    }

    /**
     * @param subscriptions the {@code subscriptions} attribute: a collection, or null for none
     * @return its rows, in its order
     * @throws IllegalArgumentException when it is not a collection or holds something that is not a subscription
     */
    static List<Row> rows(Object subscriptions) {
        if (subscriptions == null) {
            return List.of();
        }
        if (!(subscriptions instanceof Collection<?> collection)) {
            throw new IllegalArgumentException("subscriptions must be a collection, not " + subscriptions.getClass().getName());
        }
        List<Row> rows = new ArrayList<>(collection.size());
        for (Object item : collection) {
            rows.add(new Row(rows.size(), subscriptionId(item), item));
        }
        return rows;
    }

    /**
     * @param actions the {@code actions} attribute: action names separated by spaces or commas
     * @return the actions
     * @throws IllegalArgumentException naming an unknown action
     */
    static Set<PortalAction> shownActions(String actions) {
        Set<PortalAction> shown = EnumSet.noneOf(PortalAction.class);
        for (String name : actions.split("[\\s,]+")) {
            if (!name.isBlank()) {
                shown.add(PortalAction.fromName(name));
            }
        }
        return shown;
    }

    /**
     * The subscription buttons a row shows, in order: the component's {@code actions}, minus what makes no sense for
     * the row's subscription when the row is a {@link SubscriptionSummary} (none when canceled, no Cancel when a
     * cancellation is scheduled), with Update payment method first when the subscription is past due.
     *
     * @param row the row
     * @param shown the component's actions
     * @return the row's subscription actions, in the order they are shown
     */
    static List<PortalAction> rowActions(Row row, Set<PortalAction> shown) {
        SubscriptionSummary summary = row.item() instanceof SubscriptionSummary known ? known : null;
        if (summary != null && summary.status() == SubscriptionStatus.CANCELED) {
            return List.of();
        }
        List<PortalAction> actions = new ArrayList<>(2);
        if (shown.contains(PortalAction.CANCEL_SUBSCRIPTION) && (summary == null || !summary.cancellationScheduled())) {
            actions.add(PortalAction.CANCEL_SUBSCRIPTION);
        }
        if (shown.contains(PortalAction.UPDATE_PAYMENT_METHOD)) {
            actions.add(summary != null && summary.status() == SubscriptionStatus.PAST_DUE ? 0 : actions.size(), PortalAction.UPDATE_PAYMENT_METHOD);
        }
        return actions;
    }

    /**
     * @param row the row
     * @param shown the component's actions
     * @return whether the row says "Cancels on &lt;date&gt;" where Cancel would be
     */
    static boolean showsScheduledCancellation(Row row, Set<PortalAction> shown) {
        return shown.contains(PortalAction.CANCEL_SUBSCRIPTION) && row.item() instanceof SubscriptionSummary summary
                && summary.status() != SubscriptionStatus.CANCELED && summary.cancellationScheduled();
    }

    // -------------------------------------------------------------------------------------------- Resolving

    /**
     * Resolves a click on {@code <pl:billingButtons>}.
     *
     * @param submitted the posted value; untrusted
     * @param customer the {@code customer} attribute, evaluated now
     * @param subscriptions the {@code subscriptions} attribute, evaluated now
     * @param actions the {@code actions} attribute, evaluated now
     * @return the target, never null
     * @throws RefusedClickException when the post does not match that state (tampered, malformed or stale)
     */
    static PortalTarget resolveRowClick(String submitted, Object customer, Object subscriptions, String actions) throws RefusedClickException {
        CustomerId customerId = customer(customer);
        Set<PortalAction> shown;
        try {
            shown = shownActions(actions);
        } catch (IllegalArgumentException invalid) {
            throw new RefusedClickException("the actions attribute is invalid: " + invalid.getMessage());
        }
        if (OVERVIEW_VALUE.equals(submitted)) {
            if (!shown.contains(PortalAction.OVERVIEW)) {
                throw new RefusedClickException("the overview button is not shown");
            }
            return new PortalTarget(PortalAction.OVERVIEW, customerId, null);
        }
        String[] parts = submitted.split("\\" + VALUE_SEPARATOR, -1);
        if (parts.length != 3) {
            throw new RefusedClickException("malformed button value " + RefusedClickException.quoted(submitted));
        }
        PortalAction action;
        int index;
        try {
            action = PortalAction.fromName(parts[2]);
            index = Integer.parseInt(parts[0]);
        } catch (IllegalArgumentException malformed) {
            throw new RefusedClickException("malformed button value " + RefusedClickException.quoted(submitted));
        }
        if (!action.needsSubscription() || !shown.contains(action)) {
            throw new RefusedClickException("action " + action + " is not shown per subscription");
        }
        List<Row> rows;
        try {
            rows = rows(subscriptions);
        } catch (IllegalArgumentException invalid) {
            throw new RefusedClickException("the subscriptions attribute is invalid: " + invalid.getMessage());
        }
        if (index < 0 || index >= rows.size()) {
            throw new RefusedClickException("row " + index + " is not one of the " + rows.size() + " current subscriptions");
        }
        Row row = rows.get(index);
        if (!row.id().value().equals(parts[1])) {
            throw new RefusedClickException("row " + index + " holds " + row.id() + " now, but the post named " + RefusedClickException.quoted(parts[1]));
        }
        if (!rowActions(row, shown).contains(action)) {
            throw new RefusedClickException("row " + index + " (" + row.id() + ") does not offer " + action + " now: "
                    + (row.item() instanceof SubscriptionSummary summary ? "status " + summary.status().paddleName()
                            + (summary.cancellationScheduled() ? ", cancellation scheduled" : "") : "not shown"));
        }
        return new PortalTarget(action, customerId, row.id());
    }

    /**
     * Resolves a click on {@code <pl:portalButton>}. Inside {@code h:dataTable} or {@code ui:repeat} the row's
     * subscription is evaluated again on click; if it is not the one the button was rendered for, the click is refused.
     *
     * @param submitted the posted value; untrusted
     * @param customer the {@code customer} attribute, evaluated now
     * @param actionName the {@code action} attribute, evaluated now
     * @param subscription the {@code subscription} attribute, evaluated now
     * @return the target, never null
     * @throws RefusedClickException when the post does not match that state
     */
    static PortalTarget resolveButtonClick(String submitted, Object customer, String actionName, Object subscription) throws RefusedClickException {
        CustomerId customerId = customer(customer);
        PortalAction action;
        try {
            action = PortalAction.fromName(actionName);
        } catch (IllegalArgumentException invalid) {
            throw new RefusedClickException("the action attribute is invalid: " + invalid.getMessage());
        }
        int separator = submitted.indexOf(VALUE_SEPARATOR);
        String postedAction = separator < 0 ? submitted : submitted.substring(0, separator);
        if (!action.paddleName().equals(postedAction)) {
            throw new RefusedClickException("the post named " + RefusedClickException.quoted(submitted) + " but the button is " + action.paddleName());
        }
        if (!action.needsSubscription()) {
            if (separator >= 0) {
                throw new RefusedClickException("the post named " + RefusedClickException.quoted(submitted) + " for a button without subscription");
            }
            return new PortalTarget(action, customerId, null);
        }
        SubscriptionId current;
        try {
            current = subscriptionId(subscription);
        } catch (IllegalArgumentException invalid) {
            throw new RefusedClickException("the subscription attribute is invalid: " + invalid.getMessage());
        }
        String postedSubscription = separator < 0 ? "" : submitted.substring(separator + 1);
        if (!current.value().equals(postedSubscription)) {
            throw new RefusedClickException("the button's subscription is " + current + " now, but the post named "
                    + RefusedClickException.quoted(postedSubscription));
        }
        return new PortalTarget(action, customerId, current);
    }
}
