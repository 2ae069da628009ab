package dev.portallinks.test;

import static dev.portallinks.test.PaddleSimulator.ID_CHARACTERS;
import static dev.portallinks.test.PaddleSimulator.randomText;

import dev.portallinks.test.PaddleSimulator.PortalLink;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.spi.JsonProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * An answer of the simulator, written as Paddle writes it (its envelopes, errors, session links, listing pages, and
 * the simulated portal pages), and how it is sent. {@link PaddleSimulator} decides what to answer; this writes it.
 *
 * @param status the HTTP status
 * @param contentType the media type, sent with {@code charset=utf-8}
 * @param body the body
 * @param headers more headers
 */
record Answer(int status, String contentType, String body, Map<String, String> headers) {

    /** Looked up once: {@code Json.createObjectBuilder()} and the like search the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    static Answer json(int status, JsonObject body) {
        return new Answer(status, "application/json", body.toString(), Map.of());
    }

    /**
     * Sends an answer.
     *
     * @param exchange where to
     * @param fault the request's fault, or null: {@link Fault.Kind#CLOSE_DURING_ANSWER} cuts the answer on the simulator's own server
     * @throws IOException when it cannot be sent
     */
    void send(SimulatorExchange exchange, Fault fault) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Content-Type", contentType + "; charset=utf-8");
        all.putAll(headers);
        if (fault != null && fault.kind() == Fault.Kind.CLOSE_DURING_ANSWER && exchange instanceof SimulatorServer.Exchange own) {
            own.respondCut(status, all, bytes);
            return;
        }
        exchange.respond(status, all, bytes);
    }

    // ------------------------------------------------------------------------------------------- Errors

    static Answer error(int status, String code, String detail, List<Map.Entry<String, String>> fieldErrors) {
        return json(status, errorEnvelope("request_error", code, detail, fieldErrors));
    }

    static Answer forbidden(String permission) {
        return error(403, "forbidden", "You aren't permitted to perform this request. The API key needs the " + permission + " permission.", List.of());
    }

    /** @return the error a {@link Fault#error}, {@link Fault#serverError} or {@link Fault#rateLimited} fault answers */
    static Answer faultError(Fault fault) {
        Map<String, String> headers = fault.status() == 429 ? Map.of("Retry-After", Long.toString(fault.duration().toSeconds())) : Map.of();
        return new Answer(fault.status(), "application/json", errorEnvelope(fault.status() >= 500 ? "api_error" : "request_error", fault.code(),
                "Simulated " + fault.code() + " (a fault the test asked for).", List.of()).toString(), headers);
    }

    /** @return a 200 whose body is not JSON ({@link Fault#garbage()}) */
    static Answer garbage() {
        return new Answer(200, "application/json", "{\"data\": [this is not json", Map.of());
    }

    /** @return a proxy's HTML error page ({@link Fault#htmlErrorPage}) */
    static Answer htmlErrorPage(int status) {
        return new Answer(status, "text/html", "<html><body><h1>" + status + " Bad Gateway</h1></body></html>", Map.of());
    }

    private static JsonObject errorEnvelope(String type, String code, String detail, List<Map.Entry<String, String>> fieldErrors) {
        JsonObjectBuilder error = JSON.createObjectBuilder().add("type", type).add("code", code).add("detail", detail)
                .add("documentation_url", "https://developer.paddle.com/errors/shared/" + code);
        if (!fieldErrors.isEmpty()) {
            JsonArrayBuilder errors = JSON.createArrayBuilder();
            fieldErrors.forEach(field -> errors.add(JSON.createObjectBuilder().add("field", field.getKey()).add("message", field.getValue())));
            error.add("errors", errors);
        }
        return JSON.createObjectBuilder().add("error", error).add("meta", meta()).build();
    }

    private static JsonObjectBuilder meta() {
        return JSON.createObjectBuilder().add("request_id", requestId());
    }

    /** @return a random (version 4) UUID, from {@link ThreadLocalRandom} as {@link PaddleSimulator#randomText} explains */
    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return new UUID(random.nextLong() & ~0xF000L | 0x4000L, random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L).toString();
    }

    // ------------------------------------------------------------------------------------- Portal sessions

    /**
     * A created portal session, {@code 201}.
     *
     * @param customer the customer the answer names
     * @param links the session's links
     * @param origin the origin of its links, the host's
     * @param overviewOnForeignHost whether the overview link is on another host ({@link Fault#linkOnForeignHost()})
     * @param createdAt when
     * @return the answer
     */
    static Answer sessionCreated(String customer, IssuedLinks links, String origin, boolean overviewOnForeignHost, Instant createdAt) {
        // Written directly rather than through JSON-P builders: this is the answer a benchmark asks for thousands of
        // times a second, and the simulator must not be its bottleneck. Every value but the origin is made here or an
        // ID checked before ([a-z0-9] after its prefix), so only the origin, the host's, is escaped.
        String ownOrigin = jsonEscaped(origin);
        List<String> linked = links.subscriptions();
        StringBuilder json = new StringBuilder(300 + 600 * linked.size()).append("{\"data\":{\"id\":\"cpls_").append(randomText(26, ID_CHARACTERS))
                .append("\",\"customer_id\":\"").append(customer).append("\",\"urls\":{\"general\":{\"overview\":\"");
        links.appendUrl(json, overviewOnForeignHost ? "https://portal.invalid" : ownOrigin, 0).append("\"},\"subscriptions\":[");
        for (int i = 0; i < linked.size(); i++) {
            json.append(i == 0 ? "{\"id\":\"" : ",{\"id\":\"").append(linked.get(i)).append("\",\"cancel_subscription\":\"");
            links.appendUrl(json, ownOrigin, 2 * i + 1).append("\",\"update_subscription_payment_method\":\"");
            links.appendUrl(json, ownOrigin, 2 * i + 2).append("\"}");
        }
        json.append("]},\"created_at\":\"").append(createdAt).append("\"},\"meta\":{\"request_id\":\"").append(requestId()).append("\"}}");
        return new Answer(201, "application/json", json.toString(), Map.of());
    }

    /** @return the text as the inside of a JSON string, escaped as JSON-P escapes it */
    private static String jsonEscaped(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20) {
                escaped.append(String.format("\\u%04x", (int) c));
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    /** @return the {@code 403} page of a portal link the simulator did not issue (or no longer remembers) */
    static Answer portalRefused() {
        return new Answer(403, "text/html", "<!DOCTYPE html><html><head><title>Link refused</title></head><body>"
                + "<h1 id=\"refused\">This portal link was not issued by the simulator</h1></body></html>", Map.of());
    }

    /**
     * The simulated portal page a link opens: who, which action, the subscriptions concerned and, for a cancel or
     * payment-method link, the form that confirms it (posted to the link itself).
     *
     * @param link what the link opens
     * @param self the link as the browser asked for it, path and query: the form's target
     * @param back where the page's visitor came from, a loopback URL, or null for no way back but the browser's
     * @param shown the subscription of the link, or the customer's for the overview
     * @return the page
     */
    static Answer portalPage(PortalLink link, String self, String back, List<SimulatedSubscription> shown) {
        StringBuilder page = portalHead("Simulated customer portal").append("<dl>")
                .append("<dt>Customer</dt><dd id=\"customer\">").append(link.customer()).append("</dd>")
                .append("<dt>Action</dt><dd id=\"action\">").append(link.action()).append("</dd>")
                .append("<dt>Subscription</dt><dd id=\"subscription\">").append(link.subscription() == null ? "" : link.subscription())
                .append("</dd></dl><ul id=\"subscriptions\">");
        for (SimulatedSubscription subscription : shown) {
            page.append("<li id=\"").append(subscription.id()).append("\">").append(html(subscription.product())).append(": ")
                    .append(subscription.status());
            if (subscription.scheduledAction() != null) {
                page.append(", scheduled to ").append(subscription.scheduledAction()).append(" on ").append(day(subscription.scheduledAt()));
            }
            page.append("</li>");
        }
        page.append("</ul>");
        boolean open = shown.size() == 1 && !"canceled".equals(shown.get(0).status());
        if ("cancel_subscription".equals(link.action()) && open && !"cancel".equals(shown.get(0).scheduledAction())) {
            confirmForm(page, self, back, "confirm-cancel", "Cancel subscription");
        } else if ("update_subscription_payment_method".equals(link.action()) && open) {
            confirmForm(page, self, back, "confirm-update", "Update payment method");
        }
        return portalAnswer(200, page, back);
    }

    /**
     * The page after a confirmed change.
     *
     * @param change what changed
     * @param back where the portal page's visitor came from, or null
     * @return the page
     */
    static Answer portalConfirmed(PaddleSimulator.PortalChange change, String back) {
        StringBuilder page = portalHead("Simulated customer portal");
        if (change.cancelsAt() != null) {
            page.append("<p id=\"confirmed\">Your subscription will be canceled on <time id=\"cancels-on\" datetime=\"")
                    .append(change.cancelsAt()).append("\">").append(day(change.cancelsAt())).append("</time></p>");
        } else {
            page.append("<p id=\"confirmed\">Your payment method has been updated</p>");
        }
        return portalAnswer(200, page, back);
    }

    /**
     * The {@code 409} page of a form that could not be confirmed.
     *
     * @param reason why, e.g. the subscription is canceled already
     * @param back where the portal page's visitor came from, or null
     * @return the page
     */
    static Answer portalUnchanged(String reason, String back) {
        return portalAnswer(409, portalHead("Simulated customer portal").append("<p id=\"unchanged\">Nothing changed: ").append(html(reason))
                .append("</p>"), back);
    }

    private static StringBuilder portalHead(String title) {
        return new StringBuilder(1024).append("<!DOCTYPE html><html><head><title>").append(title).append("</title></head><body>")
                .append("<h1 id=\"portal\">Simulated Paddle customer portal</h1>");
    }

    private static void confirmForm(StringBuilder page, String self, String back, String id, String label) {
        page.append("<form method=\"post\" action=\"").append(html(self)).append("\">");
        if (back != null) {
            // carried to the confirmation page, whose own Referer is this page
            page.append("<input type=\"hidden\" name=\"back\" value=\"").append(html(back)).append("\">");
        }
        page.append("<button type=\"submit\" id=\"").append(id).append("\">").append(label).append("</button></form>");
    }

    private static Answer portalAnswer(int status, StringBuilder page, String back) {
        if (back != null) {
            page.append("<p><a id=\"back\" href=\"").append(html(back)).append("\">Back</a></p>");
        }
        // no-store: a page answering a form must not be replayed from a cache
        return new Answer(status, "text/html", page.append("</body></html>").toString(), Map.of("Cache-Control", "no-store"));
    }

    /** @return the day of an instant in UTC, {@code 2030-01-01} */
    private static String day(Instant instant) {
        return DateTimeFormatter.ISO_LOCAL_DATE.format(instant.atOffset(ZoneOffset.UTC));
    }

    /** @return the text escaped for HTML content and attribute values */
    private static String html(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> escaped.append("&amp;");
                case '<' -> escaped.append("&lt;");
                case '>' -> escaped.append("&gt;");
                case '"' -> escaped.append("&quot;");
                case '\'' -> escaped.append("&#39;");
                default -> escaped.append(c);
            }
        }
        return escaped.toString();
    }

    // ---------------------------------------------------------------------------------------- Subscriptions

    /**
     * One page of {@code GET /subscriptions}, with Paddle's cursor pagination.
     *
     * @param page the page's subscriptions
     * @param perPage the page size
     * @param next the URL of the next page
     * @param hasMore whether more follow
     * @param total how many match in all
     * @return the answer
     */
    static Answer subscriptionsPage(List<SimulatedSubscription> page, int perPage, String next, boolean hasMore, int total) {
        JsonArrayBuilder data = JSON.createArrayBuilder();
        page.forEach(subscription -> data.add(subscriptionJson(subscription)));
        JsonObject pagination = JSON.createObjectBuilder().add("per_page", perPage).add("next", next).add("has_more", hasMore)
                .add("estimated_total", total).build();
        return json(200, JSON.createObjectBuilder().add("data", data).add("meta", meta().add("pagination", pagination)).build());
    }

    /**
     * @param subscription a subscription
     * @return Paddle's subscription entity, as in a listing's {@code data} and a notification's
     */
    static JsonObject subscriptionJson(SimulatedSubscription subscription) {
        JsonObjectBuilder money = JSON.createObjectBuilder().add("amount", Long.toString(subscription.unitPriceCents()))
                .add("currency_code", subscription.currency());
        String suffix = subscription.id().substring(4);
        JsonObjectBuilder item = JSON.createObjectBuilder().add("status", "active").add("quantity", subscription.quantity()).add("recurring", true)
                .add("price", JSON.createObjectBuilder().add("id", "pri_" + suffix).add("name", subscription.price())
                        .add("description", subscription.price()).add("unit_price", money))
                .add("product", JSON.createObjectBuilder().add("id", "pro_" + suffix).add("name", subscription.product()));
        JsonObjectBuilder json = JSON.createObjectBuilder().add("id", subscription.id()).add("status", subscription.status())
                .add("customer_id", subscription.customer()).add("currency_code", subscription.currency()).add("collection_mode", "automatic")
                .add("created_at", "2024-10-25T06:53:58Z").add("items", JSON.createArrayBuilder().add(item));
        if (subscription.nextBilledAt() == null) {
            json.addNull("next_billed_at");
        } else {
            json.add("next_billed_at", subscription.nextBilledAt().toString());
        }
        if (subscription.scheduledAction() == null) {
            json.addNull("scheduled_change");
        } else {
            json.add("scheduled_change", JSON.createObjectBuilder().add("action", subscription.scheduledAction())
                    .add("effective_at", subscription.scheduledAt().toString()).addNull("resume_at"));
        }
        return json.build();
    }
}
