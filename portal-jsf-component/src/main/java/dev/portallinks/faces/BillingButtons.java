package dev.portallinks.faces;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.faces.FacesException;
import jakarta.faces.application.ResourceDependency;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * <p>The <code>&lt;pl:billingButtons&gt;</code> component renders, for each of a customer's subscriptions, a row with
 * a label and two real buttons, <em>Cancel subscription</em> and <em>Update payment method</em>, plus one
 * <em>Manage billing</em> button that opens the Paddle customer portal's overview.
 *
 * <p>Rendering costs no call to Paddle and puts no portal link or token in the page. When the customer clicks,
 * the component re-evaluates {@code customer} and {@code subscriptions} on the server, finds the clicked row in
 * that set (a tampered row, or a subscription no longer in the set, is refused), asks
 * {@link dev.portallinks.api.PortalLinkService} for a fresh session with just that subscription, and answers
 * with a {@code 303 See Other} to the checked portal link ({@code Cache-Control: no-store}). On failure the page
 * stays, with a Faces message for this component's client ID, unless a {@code fallback} is set.
 *
 * <p>Given {@link SubscriptionSummary} rows, a row shows only what makes sense for its subscription: a
 * {@code canceled} subscription has neither button (Paddle would only open the overview), one whose cancellation is
 * already scheduled says "Cancels on &lt;date&gt;" instead of offering Cancel, and a {@code past_due} one offers
 * <em>Update payment method</em> first. A click on a button the row does not show (now) is refused.
 *
 * <h2>Usage</h2>
 * <pre>
 * &lt;html xmlns:pl="http://portallinks.dev/faces" ...&gt;
 * &lt;h:form id="billing"&gt;
 *     &lt;h:messages id="messages"/&gt;
 *     &lt;pl:billingButtons id="buttons" customer="#{account.paddleCustomerId}"
 *                        subscriptions="#{account.subscriptions}"
 *                        var="subscription" label="#{subscription.productNames()[0]}"/&gt;
 * &lt;/h:form&gt;
 * </pre>
 * <p>Add <code>&lt;f:ajax/&gt;</code> as a child to resolve clicks with Faces Ajax (the browser follows a partial
 * redirect; without JavaScript the buttons still post the form). {@code customer} and {@code subscriptions} must
 * come from server-side state (a bean), never from request parameters.
 *
 * @see PortalButton
 * @see dev.portallinks.api.PortalLinkService
 */
@FacesComponent(BillingButtons.COMPONENT_TYPE)
@ResourceDependency(library = "portal-links", name = "portal-links.js", target = "head")
@ResourceDependency(library = "portal-links", name = "portal-links.css", target = "head")
public class BillingButtons extends PortalButtonsBase {

    /** The component type, {@value}. */
    public static final String COMPONENT_TYPE = "dev.portallinks.faces.BillingButtons";

    /** The name of the facet that renders a row's label (with {@code var} set to the row's subscription). */
    public static final String LABEL_FACET = "label";

    private static final String OVERVIEW_VALUE = "overview";
    private static final String DEFAULT_ACTIONS = "cancel_subscription update_payment_method overview";

    private enum PropertyKeys {
        subscriptions, actions, var, label
    }

    private record Row(int index, SubscriptionId id, Object item) {
    }

    /** Sets the renderer type to null: the component renders itself. */
    public BillingButtons() {
        setRendererType(null);
    }

    // ------------------------------------------------------------------------------------------------ Attributes

    /** @return the subscriptions: a collection of {@link SubscriptionId}, their texts or {@link SubscriptionSummary}; or null */
    public Object getSubscriptions() {
        return getStateHelper().eval(PropertyKeys.subscriptions);
    }

    /** @param subscriptions a collection of {@link SubscriptionId}, their texts or {@link SubscriptionSummary} */
    public void setSubscriptions(Object subscriptions) {
        getStateHelper().put(PropertyKeys.subscriptions, subscriptions);
    }

    /** @return the actions to show, separated by spaces or commas; default all three */
    public String getActions() {
        return (String) getStateHelper().eval(PropertyKeys.actions, DEFAULT_ACTIONS);
    }

    /** @param actions any of {@code cancel_subscription}, {@code update_payment_method}, {@code overview} */
    public void setActions(String actions) {
        getStateHelper().put(PropertyKeys.actions, actions);
    }

    /** @return the request-scope variable holding the row's subscription while its label renders, or null */
    public String getVar() {
        return (String) getStateHelper().get(PropertyKeys.var);
    }

    /** @param var the variable name */
    public void setVar(String var) {
        getStateHelper().put(PropertyKeys.var, var);
    }

    /** @return the row label (usually an expression using {@code var}), or null for the default */
    public String getLabel() {
        return (String) getStateHelper().eval(PropertyKeys.label);
    }

    /** @param label the row label */
    public void setLabel(String label) {
        getStateHelper().put(PropertyKeys.label, label);
    }

    // --------------------------------------------------------------------------------------------- Click handling

    @Override
    PortalTarget resolve(FacesContext context, String submitted) throws RefusedClickException {
        CustomerId customer = customer(context);
        Set<PortalAction> shown = shownActions();
        if (OVERVIEW_VALUE.equals(submitted)) {
            if (!shown.contains(PortalAction.OVERVIEW)) {
                throw new RefusedClickException("the overview button is not shown");
            }
            return new PortalTarget(PortalAction.OVERVIEW, customer, null);
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
            rows = rows();
        } catch (IllegalArgumentException invalid) {
            throw new RefusedClickException("the subscriptions attribute is invalid: " + invalid.getMessage());
        }
        if (index < 0 || index >= rows.size()) {
            throw new RefusedClickException("row " + index + " is not one of the " + rows.size() + " current subscriptions");
        }
        Row row = rows.get(index);
        SubscriptionId current = row.id();
        if (!current.value().equals(parts[1])) {
            throw new RefusedClickException("row " + index + " holds " + current + " now, but the post named " + RefusedClickException.quoted(parts[1]));
        }
        if (!rowActions(row, shown).contains(action)) {
            throw new RefusedClickException("row " + index + " (" + current + ") does not offer " + action + " now: "
                    + (row.item() instanceof SubscriptionSummary summary ? "status " + summary.status().paddleName()
                            + (summary.cancellationScheduled() ? ", cancellation scheduled" : "") : "not shown"));
        }
        return new PortalTarget(action, customer, current);
    }

    /**
     * The subscription buttons a row shows, in order: the component's {@code actions}, minus what makes no sense for
     * the row's subscription when the row is a {@link SubscriptionSummary} (none when canceled, no Cancel when a
     * cancellation is scheduled), with Update payment method first when the subscription is past due.
     */
    private static List<PortalAction> rowActions(Row row, Set<PortalAction> shown) {
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

    private Set<PortalAction> shownActions() {
        Set<PortalAction> actions = EnumSet.noneOf(PortalAction.class);
        for (String name : getActions().split("[\\s,]+")) {
            if (!name.isBlank()) {
                actions.add(PortalAction.fromName(name));
            }
        }
        return actions;
    }

    private List<Row> rows() {
        Object value = getSubscriptions();
        if (value == null) {
            return List.of();
        }
        if (!(value instanceof Collection<?> collection)) {
            throw new IllegalArgumentException("subscriptions must be a collection, not " + value.getClass().getName());
        }
        List<Row> rows = new ArrayList<>(collection.size());
        for (Object item : collection) {
            rows.add(new Row(rows.size(), subscriptionId(item), item));
        }
        return rows;
    }

    // ----------------------------------------------------------------------------------------------- Rendering

    @Override
    public void encodeBegin(FacesContext context) throws IOException {
        // everything is written in encodeEnd, after the children (f:ajax) have been attached
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // the only children are client behaviours, and the label facet is rendered per row
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        if (!isRendered()) {
            return;
        }
        List<Row> rows;
        Set<PortalAction> shown;
        try {
            rows = rows();
            shown = shownActions();
        } catch (IllegalArgumentException invalid) {
            throw new FacesException("<pl:billingButtons id=\"" + getId() + "\">: " + invalid.getMessage(), invalid);
        }
        ResponseWriter writer = context.getResponseWriter();
        String clientId = getClientId(context);
        char separator = UINamingContainer.getSeparatorChar(context);
        startGroup(context, "div", "pl-billing");
        writer.startElement("ul", this);
        writer.writeAttribute("class", "pl-billing__rows", null);
        for (Row row : rows) {
            encodeRow(context, row, clientId + separator + row.index(), shown);
        }
        writer.endElement("ul");
        if (shown.contains(PortalAction.OVERVIEW)) {
            writer.startElement("div", this);
            writer.writeAttribute("class", "pl-billing__overview", null);
            String label = label(context, getOverviewLabel(), "label.overview");
            encodeButton(context, clientId + separator + OVERVIEW_VALUE, OVERVIEW_VALUE, label, label, "overview");
            writer.endElement("div");
        }
        writer.endElement("div");
    }

    private void encodeRow(FacesContext context, Row row, String rowId, Set<PortalAction> shown) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        Map<String, Object> requestMap = context.getExternalContext().getRequestMap();
        String var = getVar();
        Object previous = var == null ? null : requestMap.put(var, row.item());
        try {
            writer.startElement("li", this);
            writer.writeAttribute("class", "pl-billing__row", null);
            writer.writeAttribute("data-subscription", row.id().value(), null);
            String rowLabel = rowLabel(row);
            writer.startElement("span", this);
            writer.writeAttribute("class", "pl-billing__label", null);
            writer.writeAttribute("id", rowId + UINamingContainer.getSeparatorChar(context) + "label", null);
            UIComponent facet = getFacet(LABEL_FACET);
            if (facet != null) {
                facet.encodeAll(context);
            } else {
                writer.writeText(rowLabel, null);
            }
            writer.endElement("span");
            writer.startElement("span", this);
            writer.writeAttribute("class", "pl-billing__actions", null);
            char separator = UINamingContainer.getSeparatorChar(context);
            if (shown.contains(PortalAction.CANCEL_SUBSCRIPTION) && row.item() instanceof SubscriptionSummary summary
                    && summary.status() != SubscriptionStatus.CANCELED && summary.cancellationScheduled()) {
                writer.startElement("span", this);
                writer.writeAttribute("class", "pl-billing__note", null);
                writer.writeText(Messages.get(context, "label.cancelsOn", Date.from(summary.scheduledChange().effectiveAt())), null);
                writer.endElement("span");
            }
            for (PortalAction action : rowActions(row, shown)) {
                if (action == PortalAction.CANCEL_SUBSCRIPTION) {
                    String label = label(context, getCancelLabel(), "label.cancel");
                    encodeButton(context, rowId + separator + "cancel", value(row, action), label,
                            Messages.get(context, "label.accessible", label, rowLabel), "cancel");
                } else {
                    String label = label(context, getUpdatePaymentMethodLabel(), "label.updatePaymentMethod");
                    encodeButton(context, rowId + separator + "updatePaymentMethod", value(row, action), label,
                            Messages.get(context, "label.accessible", label, rowLabel), "update-payment-method");
                }
            }
            writer.endElement("span");
            writer.endElement("li");
        } finally {
            if (var != null) {
                if (previous == null) {
                    requestMap.remove(var);
                } else {
                    requestMap.put(var, previous);
                }
            }
        }
    }

    private String rowLabel(Row row) {
        String label = getLabel();
        if (label != null && !label.isBlank()) {
            return label;
        }
        if (row.item() instanceof SubscriptionSummary summary && !summary.productNames().isEmpty()) {
            return String.join(", ", summary.productNames());
        }
        return row.id().value();
    }

    private static String value(Row row, PortalAction action) {
        return row.index() + VALUE_SEPARATOR + row.id().value() + VALUE_SEPARATOR + action.paddleName().toLowerCase(Locale.ROOT);
    }
}
