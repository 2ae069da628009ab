package dev.portallinks.demo;

import dev.portallinks.api.SubscriptionSummary;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.stream.JsonGenerator;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * {@code GET api/subscriptions}: the demo customer's subscriptions as JSON, for the plain HTML/JS page ({@code spa.html}),
 * worded as on the Faces page:
 * <pre>{@code {"subscriptions": [{"id": "sub_…", "products": "AeroEdit Pro", "status": "Active", "statusClass": "ok",
 *   "details": "Next billing Jun 12, 2030 · $300.00", "actions": ["cancel", "update-payment-method"]}, …]}}</pre>
 * The listing is also remembered for this session ({@link ListedSubscriptions}): those are the subscriptions the
 * redirect endpoint will open. A failed listing answers {@code 503} with problem details ({@code title}, {@code detail}).
 */
@WebServlet("/api/subscriptions")
public class SubscriptionsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The plain page is in English only. */
    private static final Locale PAGE_LOCALE = Locale.ENGLISH;

    @Inject
    transient CustomerSubscriptions listings;

    @Inject
    transient ListedSubscriptions listed;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        SubscriptionTexts texts = new SubscriptionTexts(PAGE_LOCALE);
        CustomerSubscriptions.Listing listing = listings.list(texts);
        listed.remember(listing.subscriptions());
        if (listing.failure().isPresent()) {
            send(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "application/problem+json", json -> json.writeStartObject()
                    .write("title", "Subscriptions not available").write("status", HttpServletResponse.SC_SERVICE_UNAVAILABLE)
                    .write("detail", listing.problem()).writeEnd());
            return;
        }
        send(response, HttpServletResponse.SC_OK, "application/json", json -> {
            json.writeStartObject().writeStartArray("subscriptions");
            for (SubscriptionSummary subscription : listing.subscriptions()) {
                json.writeStartObject().write("id", subscription.id().value()).write("products", texts.products(subscription))
                        .write("status", texts.status(subscription)).write("statusClass", SubscriptionTexts.statusClass(subscription))
                        .write("details", texts.nextBilling(subscription) + " · " + texts.price(subscription));
                json.writeStartArray("actions");
                if (ListedSubscriptions.manageable(subscription)) {
                    // The endpoint's page names, in the order the Faces buttons show them.
                    json.write("cancel").write("update-payment-method");
                }
                json.writeEnd().writeEnd();
            }
            json.writeEnd().writeEnd();
        });
    }

    /** Writes the document as UTF-8 bytes with their length: the server would count a closed writer's characters instead. */
    private static void send(HttpServletResponse response, int status, String mediaType, Consumer<JsonGenerator> document) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try (JsonGenerator json = Json.createGenerator(body)) {
            document.accept(json);
        }
        response.setStatus(status);
        response.setHeader("Cache-Control", "no-store");
        response.setContentType(mediaType + ";charset=UTF-8");
        response.setContentLength(body.size());
        body.writeTo(response.getOutputStream());
    }
}
