package dev.portallinks.faces;

import dev.portallinks.api.PortalAction;
import dev.portallinks.api.SubscriptionSummary;
import dev.portallinks.faces.ClickResolver.Row;
import jakarta.faces.FacesException;
import jakarta.faces.component.UIComponent;
import jakarta.faces.component.UINamingContainer;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.ResponseWriter;
import jakarta.faces.render.FacesRenderer;
import java.io.IOException;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders {@link BillingButtons}: a {@code div.pl-billing} with one {@code li} per subscription (its label and the
 * buttons {@link ClickResolver#rowActions} gives it) and the overview button. The row label is the {@code label}
 * facet, else the {@code label} attribute, else the summary's product names, else the subscription ID.
 */
@FacesRenderer(componentFamily = PortalButtonsBase.COMPONENT_FAMILY, rendererType = BillingButtonsRenderer.RENDERER_TYPE)
public class BillingButtonsRenderer extends PortalButtonsRenderer {

    /** The renderer type, {@value}. */
    public static final String RENDERER_TYPE = "dev.portallinks.faces.BillingButtonsRenderer";

    @Override
    public void encodeEnd(FacesContext context, UIComponent component) throws IOException {
        BillingButtons buttons = (BillingButtons) component;
        if (!buttons.isRendered()) {
            return;
        }
        List<Row> rows;
        Set<PortalAction> shown;
        try {
            rows = ClickResolver.rows(buttons.getSubscriptions());
            shown = ClickResolver.shownActions(buttons.getActions());
        } catch (IllegalArgumentException invalid) {
            throw new FacesException("<pl:billingButtons id=\"" + buttons.getId() + "\">: " + invalid.getMessage(), invalid);
        }
        ResponseWriter writer = context.getResponseWriter();
        String clientId = buttons.getClientId(context);
        char separator = UINamingContainer.getSeparatorChar(context);
        startGroup(context, buttons, "div", "pl-billing");
        writer.startElement("ul", buttons);
        writer.writeAttribute("class", "pl-billing__rows", null);
        for (Row row : rows) {
            encodeRow(context, buttons, row, clientId + separator + row.index(), shown);
        }
        writer.endElement("ul");
        if (shown.contains(PortalAction.OVERVIEW)) {
            writer.startElement("div", buttons);
            writer.writeAttribute("class", "pl-billing__overview", null);
            String label = label(context, buttons.getOverviewLabel(), "label.overview");
            encodeButton(context, buttons, clientId + separator + ClickResolver.OVERVIEW_VALUE, ClickResolver.OVERVIEW_VALUE, label, label, "overview");
            writer.endElement("div");
        }
        writer.endElement("div");
    }

    private static void encodeRow(FacesContext context, BillingButtons buttons, Row row, String rowId, Set<PortalAction> shown) throws IOException {
        ResponseWriter writer = context.getResponseWriter();
        Map<String, Object> requestMap = context.getExternalContext().getRequestMap();
        String var = buttons.getVar();
        Object previous = var == null ? null : requestMap.put(var, row.item());
        try {
            char separator = UINamingContainer.getSeparatorChar(context);
            writer.startElement("li", buttons);
            writer.writeAttribute("class", "pl-billing__row", null);
            writer.writeAttribute("data-subscription", row.id().value(), null);
            String rowLabel = rowLabel(buttons, row);
            writer.startElement("span", buttons);
            writer.writeAttribute("class", "pl-billing__label", null);
            writer.writeAttribute("id", rowId + separator + "label", null);
            UIComponent facet = buttons.getFacet(BillingButtons.LABEL_FACET);
            if (facet != null) {
                facet.encodeAll(context);
            } else {
                writer.writeText(rowLabel, null);
            }
            writer.endElement("span");
            writer.startElement("span", buttons);
            writer.writeAttribute("class", "pl-billing__actions", null);
            if (ClickResolver.showsScheduledCancellation(row, shown)) {
                writer.startElement("span", buttons);
                writer.writeAttribute("class", "pl-billing__note", null);
                writer.writeText(Messages.get(context, "label.cancelsOn", Date.from(((SubscriptionSummary) row.item()).scheduledChange().effectiveAt())),
                        null);
                writer.endElement("span");
            }
            for (PortalAction action : ClickResolver.rowActions(row, shown)) {
                boolean cancel = action == PortalAction.CANCEL_SUBSCRIPTION;
                String label = cancel ? label(context, buttons.getCancelLabel(), "label.cancel")
                        : label(context, buttons.getUpdatePaymentMethodLabel(), "label.updatePaymentMethod");
                encodeButton(context, buttons, rowId + separator + (cancel ? "cancel" : "updatePaymentMethod"), ClickResolver.rowValue(row, action),
                        label, Messages.get(context, "label.accessible", label, rowLabel), cancel ? "cancel" : "update-payment-method");
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

    private static String rowLabel(BillingButtons buttons, Row row) {
        String label = buttons.getLabel();
        if (label != null && !label.isBlank()) {
            return label;
        }
        if (row.item() instanceof SubscriptionSummary summary && !summary.productNames().isEmpty()) {
            return String.join(", ", summary.productNames());
        }
        return row.id().value();
    }
}
