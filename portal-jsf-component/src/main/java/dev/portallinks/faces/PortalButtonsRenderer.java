package dev.portallinks.faces;

import jakarta.faces.FacesException;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.component.behavior.ClientBehavior;
import jakarta.faces.component.behavior.ClientBehaviorContext;
import jakarta.faces.component.behavior.ClientBehaviorHint;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.Renderer;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What the renderers of {@link BillingButtons} and {@link PortalButton} share: decoding a click (and the client
 * behaviours attached to it) and writing the button group and its buttons. Renderers are shared by every instance,
 * so they hold no state.
 *
 * <p><b>Client behaviours.</b> Every behaviour attached to the {@code action} event runs, in order, when a button is
 * clicked; one that returns {@code false} (a confirmation the customer declined) stops the click, as
 * {@code faces.util.chain} does for standard components. On the server every behaviour is decoded, so an
 * {@code <f:ajax listener>} is called before the click is handled. At most one behaviour may submit the click (one
 * {@code f:ajax}): two would send two requests, each creating its own portal session.
 */
abstract class PortalButtonsRenderer extends Renderer {

    private static final Logger LOG = Logger.getLogger(PortalButtonsRenderer.class.getName());
    private static final String SCRIPT = "PortalLinks.click";

    /**
     * Queues a click when one of the component's buttons was posted (full post or Faces Ajax). Only a POST counts: a
     * GET carrying the view state and a button value (a link or an image on another site) is a "postback" to Faces,
     * but it must never mint a portal session.
     */
    @Override
    public void decode(FacesContext context, UIComponent component) {
        PortalButtonsBase buttons = (PortalButtonsBase) component;
        if (buttons.isDisabled()) {
            return;
        }
        String clientId = buttons.getClientId(context);
        if (context.getExternalContext().getRequest() instanceof HttpServletRequest request && !"POST".equals(request.getMethod())) {
            LOG.fine(() -> "Ignored a " + request.getMethod() + " request naming " + clientId + ": portal clicks are POST only");
            return;
        }
        Map<String, String> parameters = context.getExternalContext().getRequestParameterMap();
        String submitted = parameters.get(clientId);
        if (submitted == null) {
            return;
        }
        String refusal = ViewStateGuard.refusal(context);
        if (refusal != null) {
            LOG.fine(() -> "Ignored a click on " + clientId + ": " + refusal);
            return;
        }
        decodeBehaviors(context, buttons, parameters);
        buttons.queueEvent(new PortalClickEvent(buttons, submitted));
    }

    /** Lets each behaviour of the click event decode itself (an f:ajax queues its AjaxBehaviorEvent, for its listener). */
    private static void decodeBehaviors(FacesContext context, PortalButtonsBase buttons, Map<String, String> parameters) {
        String event = parameters.get(ClientBehaviorContext.BEHAVIOR_EVENT_PARAM_NAME);
        String source = parameters.get(ClientBehaviorContext.BEHAVIOR_SOURCE_PARAM_NAME);
        String clientId = buttons.getClientId(context);
        if (!PortalButtonsBase.CLICK_EVENT.equals(event) || source == null
                || !(source.equals(clientId) || source.startsWith(clientId + UINamingContainer.getSeparatorChar(context)))) {
            return;
        }
        for (ClientBehavior behavior : buttons.getClientBehaviors().getOrDefault(event, List.of())) {
            behavior.decode(context, buttons);
        }
    }

    @Override
    public void encodeBegin(FacesContext context, UIComponent component) {
        // everything is written in encodeEnd, after the children (f:ajax) have been attached
    }

    @Override
    public boolean getRendersChildren() {
        return true;
    }

    @Override
    public void encodeChildren(FacesContext context, UIComponent component) {
        // the only children are client behaviours (and BillingButtons' label facet, rendered per row)
    }

    /**
     * Starts the outer element that groups the buttons (the busy state applies to the group).
     *
     * @param context the Faces context
     * @param buttons the component
     * @param element the element name
     * @param baseClass the component's own CSS class
     * @throws IOException when writing fails
     * @throws FacesException when the {@code fallback} attribute has none of its documented forms, the view state is
     *         not the server's ({@link ViewStateGuard}), or more than one behaviour would submit a click
     */
    static void startGroup(FacesContext context, PortalButtonsBase buttons, String element, String baseClass) throws IOException {
        String clientId = buttons.getClientId(context);
        String refusal = ViewStateGuard.refusal(context);
        if (refusal != null) {
            throw new FacesException("Portal Links component " + clientId + " cannot be used here: " + refusal);
        }
        String fallback = buttons.getFallback();
        if (fallback != null && !fallback.isBlank()) {
            try {
                Fallback.kind(fallback);
            } catch (IllegalArgumentException invalid) {
                // At render time, not at the first failed click: a bad fallback must not wait for Paddle's next outage.
                throw new FacesException("Portal Links component " + clientId + ": " + invalid.getMessage(), invalid);
            }
        }
        long submitting = clickBehaviors(buttons).stream().filter(b -> b.getHints().contains(ClientBehaviorHint.SUBMITTING)).count();
        if (submitting > 1) {
            throw new FacesException("Portal Links component " + clientId + " has " + submitting + " behaviours that submit a click (f:ajax):"
                    + " each would send its own request and create its own portal session. Attach one f:ajax (it may have a listener).");
        }
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement(element, buttons);
        writer.writeAttribute("id", clientId, "id");
        writer.writeAttribute("class", classes(baseClass, buttons.getStyleClass()), "styleClass");
        writer.writeAttribute("data-pl-buttons", "", null);
        // Shown by the script when a Faces Ajax click fails without an answer the page can render (an expired session).
        writer.writeAttribute("data-pl-ajax-error", Messages.get(context, "error.ajax"), null);
    }

    /**
     * Writes one button: a real submit button that posts the component's client ID with {@code value}, works
     * without JavaScript, and with JavaScript shows a busy state, runs the client behaviours and cannot be submitted
     * twice.
     *
     * @param context the Faces context
     * @param buttons the component
     * @param id the button's client ID
     * @param value what the button posts ({@link ClickResolver})
     * @param label the visible label
     * @param accessibleName the accessible name (contains the label)
     * @param kind a CSS modifier, e.g. {@code cancel}
     * @throws IOException when writing fails
     */
    static void encodeButton(FacesContext context, PortalButtonsBase buttons, String id, String value, String label, String accessibleName,
            String kind) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        writer.startElement("button", buttons);
        writer.writeAttribute("type", "submit", null);
        writer.writeAttribute("id", id, null);
        writer.writeAttribute("name", buttons.getClientId(context), null);
        writer.writeAttribute("value", value, null);
        writer.writeAttribute("class", classes("pl-button pl-button--" + kind, buttons.getButtonStyleClass()), null);
        if (!accessibleName.equals(label)) {
            writer.writeAttribute("aria-label", accessibleName, null);
        }
        if (buttons.isDisabled()) {
            writer.writeAttribute("disabled", "disabled", null);
        } else {
            writer.writeAttribute("onclick", onclick(context, buttons, id, value), null);
        }
        writer.writeText(label, null);
        writer.endElement("button");
    }

    /**
     * The click handler: {@code PortalLinks.click(button, event, behaviours, submits)}, where {@code behaviours} runs
     * each behaviour's script in order and answers false as soon as one that does not submit does, and {@code submits} tells whether a
     * behaviour sends the request itself (f:ajax) instead of the form's full post.
     */
    private static String onclick(FacesContext context, PortalButtonsBase buttons, String id, String value) {
        List<ClientBehavior> behaviors = clickBehaviors(buttons);
        if (behaviors.isEmpty()) {
            return "return " + SCRIPT + "(this,event);";
        }
        ClientBehaviorContext behaviorContext = ClientBehaviorContext.createClientBehaviorContext(context, buttons, PortalButtonsBase.CLICK_EVENT, id,
                List.of(new ClientBehaviorContext.Parameter(buttons.getClientId(context), value)));
        StringBuilder chain = new StringBuilder("function(event){");
        boolean submits = false;
        for (ClientBehavior behavior : behaviors) {
            String script = behavior.getScript(behaviorContext);
            boolean submitting = behavior.getHints().contains(ClientBehaviorHint.SUBMITTING);
            if (script != null && !script.isBlank()) {
                // A submitting behaviour's answer is not a veto: the request has been sent.
                chain.append(submitting ? "(function(event){" + script + "}).call(this,event);"
                        : "if((function(event){" + script + "}).call(this,event)===false){return false;}");
            }
            submits |= submitting;
        }
        chain.append("return true;}");
        return "return " + SCRIPT + "(this,event," + chain + "," + submits + ");";
    }

    private static List<ClientBehavior> clickBehaviors(PortalButtonsBase buttons) {
        return buttons.getClientBehaviors().getOrDefault(PortalButtonsBase.CLICK_EVENT, List.of());
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

    private static String classes(String base, String extra) {
        return extra == null || extra.isBlank() ? base : base + " " + extra;
    }
}
