package dev.portallinks.faces;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalEntryPoint;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkRefused;
import dev.portallinks.api.PortalLinkRequest;
import dev.portallinks.api.PortalLinkResult;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.Secrets;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.behavior.ClientBehaviorHolder;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.FacesEvent;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * What {@link BillingButtons} and {@link PortalButton} share: the common attributes and the click handling
 * (server-side check by {@link ClickResolver}, fresh link, 303 redirect, Faces message or fallback on failure). The
 * renderers ({@link PortalButtonsRenderer}) decode clicks and write the markup.
 *
 * <p><b>Security.</b> The browser only says <em>which</em> button was clicked. Customer and subscriptions are
 * re-evaluated from their value expressions when the click is handled, and a click that does not match them
 * is refused (a Faces message, a warning in the log, no call to Paddle, no redirect). Posts are protected by
 * Faces' view state: with the default server-side state saving, a post without a valid view state never reaches
 * the component ({@code ViewExpiredException}).
 */
public abstract class PortalButtonsBase extends UIComponentBase implements ClientBehaviorHolder {

    /** The components' family. */
    public static final String COMPONENT_FAMILY = "dev.portallinks.faces";

    /** The namespace of the tag library. */
    public static final String NAMESPACE = "http://portallinks.dev/faces";

    /** The client behaviour event of a click on a button (the default event: {@code <f:ajax/>} attaches to it). */
    static final String CLICK_EVENT = "action";

    private static final Logger LOG = Logger.getLogger(PortalButtonsBase.class.getName());

    private enum PropertyKeys {
        customer, disabled, fallback, styleClass, buttonStyleClass, overviewLabel, cancelLabel, updatePaymentMethodLabel
    }

    // ------------------------------------------------------------------------------------------------ Attributes

    @Override
    public String getFamily() {
        return COMPONENT_FAMILY;
    }

    @Override
    public Collection<String> getEventNames() {
        return List.of(CLICK_EVENT);
    }

    @Override
    public String getDefaultEventName() {
        return CLICK_EVENT;
    }

    /** @return the customer: a {@link CustomerId} or its text; evaluated again on every click */
    public Object getCustomer() {
        return getStateHelper().eval(PropertyKeys.customer);
    }

    /** @param customer a {@link CustomerId} or its text */
    public void setCustomer(Object customer) {
        getStateHelper().put(PropertyKeys.customer, customer);
    }

    /** @return whether the buttons are disabled; default false */
    public boolean isDisabled() {
        return (Boolean) getStateHelper().eval(PropertyKeys.disabled, Boolean.FALSE);
    }

    /** @param disabled whether the buttons are disabled */
    public void setDisabled(boolean disabled) {
        getStateHelper().put(PropertyKeys.disabled, disabled);
    }

    /** @return where to send the customer when no link can be had: an absolute URL, a path or a navigation outcome; or null */
    public String getFallback() {
        return (String) getStateHelper().eval(PropertyKeys.fallback);
    }

    /** @param fallback an absolute URL, a context-relative path starting with {@code /}, or a navigation outcome */
    public void setFallback(String fallback) {
        getStateHelper().put(PropertyKeys.fallback, fallback);
    }

    /** @return extra CSS classes of the outer element, or null */
    public String getStyleClass() {
        return (String) getStateHelper().eval(PropertyKeys.styleClass);
    }

    /** @param styleClass extra CSS classes of the outer element */
    public void setStyleClass(String styleClass) {
        getStateHelper().put(PropertyKeys.styleClass, styleClass);
    }

    /** @return extra CSS classes of every button, or null */
    public String getButtonStyleClass() {
        return (String) getStateHelper().eval(PropertyKeys.buttonStyleClass);
    }

    /** @param buttonStyleClass extra CSS classes of every button */
    public void setButtonStyleClass(String buttonStyleClass) {
        getStateHelper().put(PropertyKeys.buttonStyleClass, buttonStyleClass);
    }

    /** @return the overview button's label, or null for the bundle's */
    public String getOverviewLabel() {
        return (String) getStateHelper().eval(PropertyKeys.overviewLabel);
    }

    /** @param overviewLabel the overview button's label */
    public void setOverviewLabel(String overviewLabel) {
        getStateHelper().put(PropertyKeys.overviewLabel, overviewLabel);
    }

    /** @return the cancel buttons' label, or null for the bundle's */
    public String getCancelLabel() {
        return (String) getStateHelper().eval(PropertyKeys.cancelLabel);
    }

    /** @param cancelLabel the cancel buttons' label */
    public void setCancelLabel(String cancelLabel) {
        getStateHelper().put(PropertyKeys.cancelLabel, cancelLabel);
    }

    /** @return the update-payment-method buttons' label, or null for the bundle's */
    public String getUpdatePaymentMethodLabel() {
        return (String) getStateHelper().eval(PropertyKeys.updatePaymentMethodLabel);
    }

    /** @param updatePaymentMethodLabel the update-payment-method buttons' label */
    public void setUpdatePaymentMethodLabel(String updatePaymentMethodLabel) {
        getStateHelper().put(PropertyKeys.updatePaymentMethodLabel, updatePaymentMethodLabel);
    }

    // --------------------------------------------------------------------------------------------- Click handling

    /**
     * Resolves what the browser posted against server-side state only ({@link ClickResolver}).
     *
     * @param submitted the posted button value; untrusted
     * @return the target, never null
     * @throws RefusedClickException when the post does not match the server-side state
     */
    abstract PortalTarget resolve(String submitted) throws RefusedClickException;

    @Override
    public void broadcast(FacesEvent event) throws AbortProcessingException {
        if (!(event instanceof PortalClickEvent click)) {
            super.broadcast(event);
            return;
        }
        FacesContext context = getFacesContext();
        PortalLinkService service = service();
        if (service == null) {
            LOG.severe("No PortalLinkService bean: add dev.portallinks:portal-impl (or another implementation) to the application");
            message(context, "error.refused");
            return;
        }
        PortalTarget target;
        try {
            target = resolve(click.submitted());
        } catch (RefusedClickException refused) {
            LOG.warning(() -> "Refused a portal click on " + getClientId(context) + " in view " + context.getViewRoot().getViewId() + ": "
                    + Secrets.redact(refused.getMessage()));
            customerIfValid().ifPresent(customer -> service.audit(PortalLinkRefused.notPermitted(customer, null, null, PortalEntryPoint.FACES)));
            message(context, "error.stale");
            return;
        }
        PortalLinkResult result;
        try {
            result = service.handOut(new PortalLinkRequest(target.action(), target.customer(), target.subscription(), PortalEntryPoint.FACES,
                    getFallback()));
        } catch (PortalLinkException failure) {
            failed(context, failure);
            return;
        }
        if (result instanceof PortalLinkResult.Link link) {
            redirect(context, link.uri().toString());
        } else {
            followFallback(context, ((PortalLinkResult.Fallback) result).target());
        }
    }

    private Optional<CustomerId> customerIfValid() {
        try {
            return Optional.of(ClickResolver.customer(getCustomer()));
        } catch (RefusedClickException notACustomer) {
            return Optional.empty();
        }
    }

    private static PortalLinkService service() {
        Instance<PortalLinkService> candidates = CDI.current().select(PortalLinkService.class);
        return candidates.isResolvable() ? candidates.get() : null;
    }

    private static long secondsUntil(Instant instant) {
        return Math.max(1, (Duration.between(Instant.now(), instant).toMillis() + 999) / 1000);
    }

    /**
     * No link and no fallback: the service has fired the audit event and logged the failure; the page shows the message
     * its reason calls for.
     */
    private void failed(FacesContext context, PortalLinkException failure) {
        String key = switch (failure.refusalReason()) {
            case CUSTOMER_LIMIT -> "error.tooManyLinks";
            case PADDLE_RATE_LIMITED -> "error.rateLimited";
            case PADDLE_UNAVAILABLE -> "error.unavailable";
            case PADDLE_REFUSED, UNEXPECTED_ANSWER, CONFIGURATION, NOT_PERMITTED -> "error.refused";
        };
        // The two limits say how long to wait: "try again in {0} seconds".
        message(context, key, failure.tryAgainAt().map(at -> new Object[] {secondsUntil(at)}).orElseGet(() -> new Object[0]));
    }

    /** The fallback (the {@code fallback} attribute, else {@code paddle.portal.fallback-url}) as its kind says. */
    private static void followFallback(FacesContext context, String fallback) {
        switch (Fallback.kind(fallback)) {
            case URL -> redirect(context, fallback);
            case PATH -> redirect(context, context.getExternalContext().getRequestContextPath() + fallback);
            case OUTCOME -> context.getApplication().getNavigationHandler().handleNavigation(context, null, fallback);
        }
    }

    private void message(FacesContext context, String key, Object... arguments) {
        context.addMessage(getClientId(context), new FacesMessage(FacesMessage.SEVERITY_ERROR, Messages.get(context, key, arguments), null));
        context.validationFailed();
        PartialViewContext partial = context.getPartialViewContext();
        if (partial.isAjaxRequest() && !partial.isRenderAll()) {
            // f:ajax renders nothing by default; the enclosing form (with its h:messages) must show the message.
            UIComponent form = this;
            while (form != null && !(form instanceof UIForm)) {
                form = form.getParent();
            }
            if (form == null) {
                partial.setRenderAll(true);
            } else {
                partial.getRenderIds().add(form.getClientId(context));
            }
        }
    }

    /** Sends the browser to the URL: 303 for a full post, a Faces partial redirect for Ajax; never cached. */
    private static void redirect(FacesContext context, String url) {
        ExternalContext external = context.getExternalContext();
        external.setResponseHeader("Cache-Control", "no-store");
        if (context.getPartialViewContext().isAjaxRequest()) {
            try {
                external.redirect(url);
            } catch (IOException failed) {
                throw new FacesException("Could not send the partial redirect", failed);
            }
        } else {
            external.setResponseStatus(303);
            external.setResponseHeader("Location", url);
            context.responseComplete();
        }
    }
}
