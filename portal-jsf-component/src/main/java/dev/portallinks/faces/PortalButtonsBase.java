package dev.portallinks.faces;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.CustomerLinkLimitException;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PaddleUnavailableException;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.Secrets;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.faces.FacesException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UIComponentBase;
import jakarta.faces.component.UIForm;
import jakarta.faces.component.behavior.ClientBehavior;
import jakarta.faces.component.behavior.ClientBehaviorContext;
import jakarta.faces.component.behavior.ClientBehaviorHolder;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.event.AbortProcessingException;
import jakarta.faces.event.FacesEvent;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What {@link BillingButtons} and {@link PortalButton} share: the common attributes, the click handling (decode,
 * server-side check, fresh link, 303 redirect, Faces message on failure) and the button markup.
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

    private static final Logger LOG = Logger.getLogger(PortalButtonsBase.class.getName());
    /** Separates the parts of a posted button value (row, subscription ID, action); none of them can contain it. */
    static final String VALUE_SEPARATOR = "|";
    private static final String CLICK_EVENT = "action";
    private static final String SCRIPT = "PortalLinks.click";

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
     * Resolves what the browser posted against server-side state only.
     *
     * @param context the Faces context
     * @param submitted the posted button value; untrusted
     * @return the target, never null
     * @throws RefusedClickException when the post does not match the server-side state
     */
    abstract PortalTarget resolve(FacesContext context, String submitted) throws RefusedClickException;

    /**
     * Queues a click when one of this component's buttons was posted (full post or Faces Ajax). Only a POST counts: a
     * GET carrying the view state and a button value (a link or an image on another site) is a "postback" to Faces,
     * but it must never mint a portal session.
     */
    @Override
    public void decode(FacesContext context) {
        if (isDisabled()) {
            return;
        }
        if (context.getExternalContext().getRequest() instanceof HttpServletRequest request && !"POST".equals(request.getMethod())) {
            LOG.fine(() -> "Ignored a " + request.getMethod() + " request naming " + getClientId(context) + ": portal clicks are POST only");
            return;
        }
        String submitted = context.getExternalContext().getRequestParameterMap().get(getClientId(context));
        if (submitted == null) {
            return;
        }
        String refusal = ViewStateGuard.refusal(context);
        if (refusal != null) {
            LOG.fine(() -> "Ignored a click on " + getClientId(context) + ": " + refusal);
            return;
        }
        queueEvent(new PortalClickEvent(this, submitted));
    }

    @Override
    public void broadcast(FacesEvent event) throws AbortProcessingException {
        if (!(event instanceof PortalClickEvent click)) {
            super.broadcast(event);
            return;
        }
        FacesContext context = getFacesContext();
        PortalTarget target;
        try {
            target = resolve(context, click.submitted());
        } catch (RefusedClickException refused) {
            LOG.warning(() -> "Refused a portal click on " + getClientId(context) + " in view " + context.getViewRoot().getViewId() + ": "
                    + Secrets.redact(refused.getMessage()));
            message(context, "error.stale");
            return;
        }
        PortalLinkService service = service();
        if (service == null) {
            LOG.severe("No PortalLinkService bean: add dev.portallinks:portal-impl (or another implementation) to the application");
            message(context, "error.refused");
            return;
        }
        try {
            redirect(context, service.link(target.action(), target.customer(), target.subscription()).toString());
        } catch (CustomerLinkLimitException tooFast) {
            // The service logged the first refusal; no fallback: the customer is asking too fast, Paddle is fine.
            LOG.fine(() -> "No portal link for " + getClientId(context) + ": " + tooFast.getMessage());
            message(context, "error.tooManyLinks", secondsUntil(tooFast.retryAt()));
        } catch (PaddleRateLimitedException limited) {
            failed(context, limited, "error.rateLimited", secondsUntil(limited.retryAt()));
        } catch (PaddleUnavailableException unavailable) {
            failed(context, unavailable, "error.unavailable");
        } catch (PortalLinkException refused) {
            failed(context, refused, "error.refused");
        }
    }

    /**
     * Parses the customer attribute.
     *
     * @param context the Faces context
     * @return the customer
     * @throws RefusedClickException when the server-side state has no valid customer
     */
    CustomerId customer(FacesContext context) throws RefusedClickException {
        Object customer = getCustomer();
        if (customer instanceof CustomerId id) {
            return id;
        }
        if (customer instanceof String text && !text.isBlank()) {
            try {
                return CustomerId.of(text);
            } catch (IllegalArgumentException invalid) {
                throw new RefusedClickException("the customer attribute is invalid: " + invalid.getMessage());
            }
        }
        throw new RefusedClickException("the customer attribute evaluated to " + (customer == null ? "null" : customer.getClass().getName()));
    }

    private static PortalLinkService service() {
        Instance<PortalLinkService> candidates = CDI.current().select(PortalLinkService.class);
        return candidates.isResolvable() ? candidates.get() : null;
    }

    private static long secondsUntil(Instant instant) {
        return Math.max(1, (Duration.between(Instant.now(), instant).toMillis() + 999) / 1000);
    }

    /**
     * Shows the message or applies the fallback. Rejections without a request to Paddle (circuit open, bulkhead
     * full, an open {@code Retry-After} window) come by the thousand during an outage and the service has logged their
     * cause: FINE here, as in the service; everything else WARNING.
     */
    private void failed(FacesContext context, PortalLinkException failure, String key, Object... arguments) {
        LOG.log(failedFast(failure) ? Level.FINE : Level.WARNING, () -> "No portal link for " + getClientId(context) + ": " + failure.getMessage());
        String fallback = getFallback();
        if (fallback == null || fallback.isBlank()) {
            message(context, key, arguments);
            return;
        }
        switch (Fallback.kind(fallback)) {
            case URL -> redirect(context, fallback);
            case PATH -> redirect(context, context.getExternalContext().getRequestContextPath() + fallback);
            case OUTCOME -> context.getApplication().getNavigationHandler().handleNavigation(context, null, fallback);
        }
    }

    private static boolean failedFast(PortalLinkException failure) {
        if (failure instanceof PaddleRateLimitedException limited) {
            return !limited.answeredByPaddle();
        }
        return failure instanceof PaddleUnavailableException unavailable && (unavailable.reason() == PaddleUnavailableException.Reason.CIRCUIT_OPEN
                || unavailable.reason() == PaddleUnavailableException.Reason.BULKHEAD_FULL);
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

    // ----------------------------------------------------------------------------------------------- Rendering

    /**
     * Writes one button: a real submit button that posts this component's client ID with {@code value}, works
     * without JavaScript, and with JavaScript shows a busy state and cannot be submitted twice.
     *
     * @param context the Faces context
     * @param id the button's client ID
     * @param value what the button posts
     * @param label the visible label
     * @param accessibleName the accessible name (contains the label)
     * @param kind a CSS modifier, e.g. {@code cancel}
     * @throws IOException when writing fails
     */
    void encodeButton(FacesContext context, String id, String value, String label, String accessibleName, String kind) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement("button", this);
        writer.writeAttribute("type", "submit", null);
        writer.writeAttribute("id", id, null);
        writer.writeAttribute("name", getClientId(context), null);
        writer.writeAttribute("value", value, null);
        writer.writeAttribute("class", classes("pl-button pl-button--" + kind, getButtonStyleClass()), null);
        if (!accessibleName.equals(label)) {
            writer.writeAttribute("aria-label", accessibleName, null);
        }
        if (isDisabled()) {
            writer.writeAttribute("disabled", "disabled", null);
        } else {
            writer.writeAttribute("onclick", onclick(context, id, value), null);
        }
        writer.writeText(label, null);
        writer.endElement("button");
    }

    private String onclick(FacesContext context, String id, String value) {
        List<ClientBehavior> behaviors = getClientBehaviors().getOrDefault(CLICK_EVENT, List.of());
        if (behaviors.isEmpty()) {
            return "return " + SCRIPT + "(this,event);";
        }
        ClientBehaviorContext behaviorContext = ClientBehaviorContext.createClientBehaviorContext(context, this, CLICK_EVENT, id,
                List.of(new ClientBehaviorContext.Parameter(getClientId(context), value)));
        return "return " + SCRIPT + "(this,event,function(event){" + behaviors.get(0).getScript(behaviorContext) + "});";
    }

    /**
     * Starts the outer element that groups the buttons (the busy state applies to the group).
     *
     * @param context the Faces context
     * @param element the element name
     * @param baseClass the component's own CSS class
     * @throws IOException when writing fails
     * @throws FacesException when the {@code fallback} attribute has none of its documented forms, or the view state is
     *         not the server's ({@link ViewStateGuard})
     */
    void startGroup(FacesContext context, String element, String baseClass) throws IOException {
        String refusal = ViewStateGuard.refusal(context);
        if (refusal != null) {
            throw new FacesException("Portal Links component " + getClientId(context) + " cannot be used here: " + refusal);
        }
        String fallback = getFallback();
        if (fallback != null && !fallback.isBlank()) {
            try {
                Fallback.kind(fallback);
            } catch (IllegalArgumentException invalid) {
                // At render time, not at the first failed click: a bad fallback must not wait for Paddle's next outage.
                throw new FacesException("Portal Links component " + getClientId(context) + ": " + invalid.getMessage(), invalid);
            }
        }
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement(element, this);
        writer.writeAttribute("id", getClientId(context), "id");
        writer.writeAttribute("class", classes(baseClass, getStyleClass()), "styleClass");
        writer.writeAttribute("data-pl-buttons", "", null);
        // Shown by the script when a Faces Ajax click fails without an answer the page can render (an expired session).
        writer.writeAttribute("data-pl-ajax-error", Messages.get(context, "error.ajax"), null);
    }

    /**
     * Returns a label: the per-instance attribute when set, else the bundle's.
     *
     * @param context the Faces context
     * @param override the attribute's value, may be null
     * @param key the bundle key
     * @return the label
     */
    static String label(FacesContext context, String override, String key) {
        return override != null && !override.isBlank() ? override : Messages.get(context, key);
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

    private static String classes(String base, String extra) {
        return extra == null || extra.isBlank() ? base : base + " " + extra;
    }
}
