package dev.portallinks.faces;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.SubscriptionId;
import jakarta.faces.FacesException;
import jakarta.faces.application.ResourceDependency;
import jakarta.faces.component.FacesComponent;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import java.io.IOException;

/**
 * <p>The <code>&lt;pl:portalButton&gt;</code> component renders one button that opens one page of the Paddle
 * customer portal: {@code overview}, {@code cancel_subscription} or {@code update_payment_method} (for
 * {@code subscription}). It behaves like {@link BillingButtons}: no Paddle call while rendering, a fresh checked
 * link on click resolved from server-side state, a 303 redirect, a Faces message on failure.
 *
 * <h2>Usage</h2>
 * <pre>
 * &lt;h:form&gt;
 *     &lt;pl:portalButton id="cancel" action="cancel_subscription"
 *                      customer="#{account.paddleCustomerId}" subscription="#{account.mainSubscription}"/&gt;
 * &lt;/h:form&gt;
 * </pre>
 *
 * @see BillingButtons
 */
@FacesComponent(PortalButton.COMPONENT_TYPE)
@ResourceDependency(library = "portal-links", name = "portal-links.js", target = "head")
@ResourceDependency(library = "portal-links", name = "portal-links.css", target = "head")
public class PortalButton extends PortalButtonsBase {

    /** The component type, {@value}. */
    public static final String COMPONENT_TYPE = "dev.portallinks.faces.PortalButton";

    private enum PropertyKeys {
        action, subscription, label
    }

    /** Sets the renderer type to null: the component renders itself. */
    public PortalButton() {
        setRendererType(null);
    }

    /** @return the portal page: {@code overview}, {@code cancel_subscription} or {@code update_payment_method}; default overview */
    public String getAction() {
        return (String) getStateHelper().eval(PropertyKeys.action, "overview");
    }

    /** @param action the portal page */
    public void setAction(String action) {
        getStateHelper().put(PropertyKeys.action, action);
    }

    /** @return the subscription (a {@link SubscriptionId}, its text or a summary); evaluated again on every click */
    public Object getSubscription() {
        return getStateHelper().eval(PropertyKeys.subscription);
    }

    /** @param subscription the subscription */
    public void setSubscription(Object subscription) {
        getStateHelper().put(PropertyKeys.subscription, subscription);
    }

    /** @return the button's label, or null for the bundle's */
    public String getLabel() {
        return (String) getStateHelper().eval(PropertyKeys.label);
    }

    /** @param label the button's label */
    public void setLabel(String label) {
        getStateHelper().put(PropertyKeys.label, label);
    }

    /**
     * Resolves the click against server-side state. A subscription button posts {@code action|subscription ID}: inside
     * {@code h:dataTable} or {@code ui:repeat} the row's subscription is evaluated again on click, and if the rows
     * changed since the page was rendered (a subscription ended), the posted ID no longer matches and the click is
     * refused instead of acting on whatever subscription holds that row now.
     */
    @Override
    PortalTarget resolve(FacesContext context, String submitted) throws RefusedClickException {
        CustomerId customer = customer(context);
        PortalAction action = PortalAction.fromName(getAction());
        int separator = submitted.indexOf(VALUE_SEPARATOR);
        String postedAction = separator < 0 ? submitted : submitted.substring(0, separator);
        if (!action.paddleName().equals(postedAction)) {
            throw new RefusedClickException("the post named " + RefusedClickException.quoted(submitted) + " but the button is " + action.paddleName());
        }
        if (!action.needsSubscription()) {
            if (separator >= 0) {
                throw new RefusedClickException("the post named " + RefusedClickException.quoted(submitted) + " for a button without subscription");
            }
            return new PortalTarget(action, customer, null);
        }
        SubscriptionId current;
        try {
            current = subscriptionId(getSubscription());
        } catch (IllegalArgumentException invalid) {
            throw new RefusedClickException("the subscription attribute is invalid: " + invalid.getMessage());
        }
        String postedSubscription = separator < 0 ? "" : submitted.substring(separator + 1);
        if (!current.value().equals(postedSubscription)) {
            throw new RefusedClickException("the button's subscription is " + current + " now, but the post named "
                    + RefusedClickException.quoted(postedSubscription));
        }
        return new PortalTarget(action, customer, current);
    }

    /** What the button posts: the action, and for a subscription action {@code |} and the subscription ID it was rendered for. */
    private String buttonValue(PortalAction action) {
        if (!action.needsSubscription()) {
            return action.paddleName();
        }
        try {
            return action.paddleName() + VALUE_SEPARATOR + subscriptionId(getSubscription()).value();
        } catch (IllegalArgumentException notYetValid) {
            // Rendered without a usable subscription: any click is refused (resolve says why).
            return action.paddleName();
        }
    }

    @Override
    public void encodeEnd(FacesContext context) throws IOException {
        if (!isRendered()) {
            return;
        }
        PortalAction action;
        try {
            action = PortalAction.fromName(getAction());
        } catch (IllegalArgumentException invalid) {
            throw new FacesException("<pl:portalButton id=\"" + getId() + "\">: " + invalid.getMessage(), invalid);
        }
        String key = switch (action) {
            case OVERVIEW -> "label.overview";
            case CANCEL_SUBSCRIPTION -> "label.cancel";
            case UPDATE_PAYMENT_METHOD -> "label.updatePaymentMethod";
        };
        String label = label(context, getLabel(), key);
        startGroup(context, "span", "pl-portal-button");
        encodeButton(context, getClientId(context) + UINamingContainer.getSeparatorChar(context) + "button", buttonValue(action), label, label, action.name().toLowerCase(java.util.Locale.ROOT));
        context.getResponseWriter().endElement("span");
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeChildren(FacesContext context) {
        // the only children are client behaviours
    }
}
