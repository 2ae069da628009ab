package dev.portallinks.faces;

import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.faces.application.ResourceDependency;
import jakarta.faces.component.FacesComponent;

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

    private enum PropertyKeys {
        subscriptions, actions, var, label
    }

    /** Sets the renderer type to {@link BillingButtonsRenderer#RENDERER_TYPE}. */
    public BillingButtons() {
        setRendererType(BillingButtonsRenderer.RENDERER_TYPE);
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
        return (String) getStateHelper().eval(PropertyKeys.actions, ClickResolver.DEFAULT_ACTIONS);
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
    PortalTarget resolve(String submitted) throws RefusedClickException {
        return ClickResolver.resolveRowClick(submitted, getCustomer(), getSubscriptions(), getActions());
    }
}
