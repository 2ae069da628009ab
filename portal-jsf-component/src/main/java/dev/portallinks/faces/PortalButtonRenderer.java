package dev.portallinks.faces;

import dev.portallinks.api.PortalAction;
import dev.portallinks.api.SubscriptionId;
import jakarta.faces.FacesException;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.render.FacesRenderer;
import java.io.IOException;
import java.util.Locale;

/**
 * Renders {@link PortalButton}: one button in a {@code span.pl-portal-button}, posting the value
 * {@link ClickResolver#buttonValue} gives for the action and the subscription it renders for.
 */
@FacesRenderer(componentFamily = PortalButtonsBase.COMPONENT_FAMILY, rendererType = PortalButtonRenderer.RENDERER_TYPE)
public class PortalButtonRenderer extends PortalButtonsRenderer {

    /** The renderer type, {@value}. */
    public static final String RENDERER_TYPE = "dev.portallinks.faces.PortalButtonRenderer";

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        PortalButton button = (PortalButton) component;
        if (!button.isRendered()) {
            return;
        }
        PortalAction action;
        try {
            action = PortalAction.fromName(button.getAction());
        } catch (IllegalArgumentException invalid) {
            throw new FacesException("<pl:portalButton id=\"" + button.getId() + "\">: " + invalid.getMessage(), invalid);
        }
        String key = switch (action) {
            case OVERVIEW -> "label.overview";
            case CANCEL_SUBSCRIPTION -> "label.cancel";
            case UPDATE_PAYMENT_METHOD -> "label.updatePaymentMethod";
        };
        String label = label(context, button.getLabel(), key);
        startGroup(context, button, "span", "pl-portal-button");
        encodeButton(context, button, button.getClientId(context) + UINamingContainer.getSeparatorChar(context) + "button",
                ClickResolver.buttonValue(action, renderedSubscription(button, action)), label, label, action.name().toLowerCase(Locale.ROOT));
        context.getResponseWriter().endElement("span");
    }

    private static SubscriptionId renderedSubscription(PortalButton button, PortalAction action) {
        if (!action.needsSubscription()) {
            return null;
        }
        try {
            return ClickResolver.subscriptionId(button.getSubscription());
        } catch (IllegalArgumentException notYetValid) {
            // Rendered without a usable subscription: any click is refused (the resolver says why).
            return null;
        }
    }
}
