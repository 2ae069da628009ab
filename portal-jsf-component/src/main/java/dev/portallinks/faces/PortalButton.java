package dev.portallinks.faces;

import dev.portallinks.api.SubscriptionId;
import jakarta.faces.application.ResourceDependency;
import jakarta.faces.component.FacesComponent;

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

    /** Sets the renderer type to {@link PortalButtonRenderer#RENDERER_TYPE}. */
    public PortalButton() {
        setRendererType(PortalButtonRenderer.RENDERER_TYPE);
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
     * {@code h:dataTable} or {@code ui:repeat} the row's subscription is evaluated again on click, and a click whose ID
     * is no longer the row's is refused ({@link ClickResolver#resolveButtonClick}).
     */
    @Override
    PortalTarget resolve(String submitted) throws RefusedClickException {
        return ClickResolver.resolveButtonClick(submitted, getCustomer(), getAction(), getSubscription());
    }
}
