package dev.portallinks.demo.simulator;

import dev.portallinks.demo.DemoConfigSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Application;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.StringReader;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Paddle's wire format for the two calls Portal Links makes, under {@code /simulator}. Answers like Paddle:
 * the {@code data}/{@code meta} envelope, cursor pagination ({@code after}, {@code per_page}; this simulator's
 * maximum page size is {@value #MAX_PER_PAGE}, so seven subscriptions take three pages), and Paddle's error
 * envelope for a bad key (401), bad IDs, more than 25 or duplicate subscription IDs (400 {@code invalid_field})
 * and an unknown customer (404).
 */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class PaddleSimulator {

    /** The simulator's JAX-RS application: {@code http://localhost:9080/simulator}. */
    @ApplicationPath("simulator")
    public static class SimulatorApplication extends Application {
    }

    static final int MAX_PER_PAGE = 3;

    /** One entry of Paddle's {@code error.errors}. */
    private record FieldError(String field, String message) {
    }

    private static final Pattern CUSTOMER_ID = Pattern.compile("^ctm_[a-z\\d]{26}$");
    private static final Pattern SUBSCRIPTION_ID = Pattern.compile("^sub_[a-z\\d]{26}$");
    private static final Set<String> STATUSES = Set.of("active", "canceled", "past_due", "paused", "trialing");

    @Inject
    SimulatorState state;

    @Context
    UriInfo uri;

    /**
     * {@code GET /subscriptions}.
     *
     * @param authorization the Authorization header
     * @param customer {@code customer_id}
     * @param status comma-separated statuses
     * @param after the cursor
     * @param perPage the page size
     * @return Paddle's answer
     */
    @GET
    @Path("subscriptions")
    public Response listSubscriptions(@HeaderParam("Authorization") String authorization, @QueryParam("customer_id") String customer,
            @QueryParam("status") String status, @QueryParam("after") String after, @QueryParam("per_page") Integer perPage) {
        Response refused = misbehaveOrRefuse(authorization);
        if (refused != null) {
            return refused;
        }
        List<SimulatedSubscription> matching = new ArrayList<>();
        if (state.customer().equals(customer)) {
            Set<String> statuses = status == null || status.isBlank() ? STATUSES : new HashSet<>(Arrays.asList(status.split(",")));
            state.subscriptions().stream().filter(s -> statuses.contains(s.status())).forEach(matching::add);
        }
        int start = 0;
        if (after != null) {
            start = matching.stream().map(SimulatedSubscription::id).toList().indexOf(after) + 1;
            if (start == 0) {
                return error(400, "invalid_field", "Invalid request.", List.of(new FieldError("after", "cursor does not match an entity")));
            }
        }
        int size = Math.min(perPage == null || perPage < 1 ? 50 : perPage, MAX_PER_PAGE);
        List<SimulatedSubscription> page = matching.subList(Math.min(start, matching.size()), Math.min(start + size, matching.size()));
        JsonArrayBuilder data = Json.createArrayBuilder();
        page.forEach(subscription -> data.add(subscriptionJson(subscription)));
        String last = page.isEmpty() ? (after == null ? "" : after) : page.get(page.size() - 1).id();
        String next = uri.getBaseUriBuilder().path("subscriptions").queryParam("customer_id", customer).queryParam("after", last)
                .queryParam("per_page", size).build().toString();
        JsonObject pagination = Json.createObjectBuilder().add("per_page", size).add("next", next)
                .add("has_more", start + page.size() < matching.size()).add("estimated_total", matching.size()).build();
        return Response.ok(Json.createObjectBuilder().add("data", data).add("meta", meta().add("pagination", pagination)).build()).build();
    }

    /**
     * {@code POST /customers/{customer_id}/portal-sessions}.
     *
     * @param authorization the Authorization header
     * @param customer the customer
     * @param body the JSON body
     * @return Paddle's answer
     */
    @POST
    @Path("customers/{customer_id}/portal-sessions")
    public Response createPortalSession(@HeaderParam("Authorization") String authorization, @PathParam("customer_id") String customer,
            String body) {
        Response refused = misbehaveOrRefuse(authorization);
        if (refused != null) {
            return refused;
        }
        if (!CUSTOMER_ID.matcher(customer).matches()) {
            return error(400, "invalid_field", "Invalid request.", List.of(new FieldError("customer_id", "does not match pattern ^ctm_[a-z\\d]{26}$")));
        }
        if (!state.customer().equals(customer)) {
            return error(404, "not_found", "Entity " + customer + " not found", List.of());
        }
        List<String> ids;
        try {
            ids = subscriptionIds(body);
        } catch (JsonException | ClassCastException malformed) {
            return error(400, "bad_request", "Invalid request body: " + malformed.getMessage(), List.of());
        }
        List<FieldError> fieldErrors = validate(ids);
        if (!fieldErrors.isEmpty()) {
            return error(400, "invalid_field", "Invalid request.", fieldErrors);
        }
        String origin = uri.getBaseUri().resolve("/").toString().replaceAll("/$", "");
        JsonArrayBuilder links = Json.createArrayBuilder();
        for (String id : ids) {
            links.add(Json.createObjectBuilder().add("id", id)
                    .add("cancel_subscription", link(origin, customer, "cancel_subscription", id))
                    .add("update_subscription_payment_method", link(origin, customer, "update_subscription_payment_method", id)));
        }
        JsonObject data = Json.createObjectBuilder().add("id", "cpls_" + state.randomText(26)).add("customer_id", customer)
                .add("urls", Json.createObjectBuilder().add("general", Json.createObjectBuilder().add("overview", link(origin, customer, "overview", null)))
                        .add("subscriptions", links))
                .add("created_at", Instant.now().toString()).build();
        return Response.status(201).entity(Json.createObjectBuilder().add("data", data).add("meta", meta()).build()).build();
    }

    private List<FieldError> validate(List<String> ids) {
        List<FieldError> errors = new ArrayList<>();
        if (ids.size() > 25) {
            errors.add(new FieldError("subscription_ids", "must contain at most 25 items"));
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            errors.add(new FieldError("subscription_ids", "items must be unique"));
        }
        Set<String> own = new HashSet<>(state.subscriptions().stream().map(SimulatedSubscription::id).toList());
        for (int i = 0; i < ids.size(); i++) {
            if (!SUBSCRIPTION_ID.matcher(ids.get(i)).matches()) {
                errors.add(new FieldError("subscription_ids[" + i + "]", "does not match pattern ^sub_[a-z\\d]{26}$"));
            } else if (!own.contains(ids.get(i))) {
                errors.add(new FieldError("subscription_ids[" + i + "]", "subscription does not belong to the customer"));
            }
        }
        return errors;
    }

    private static List<String> subscriptionIds(String body) {
        if (body == null || body.isBlank()) {
            return List.of();
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue ids = reader.readObject().get("subscription_ids");
            if (ids == null || ids.getValueType() == JsonValue.ValueType.NULL) {
                return List.of();
            }
            List<String> result = new ArrayList<>();
            for (JsonValue id : (JsonArray) ids) {
                result.add(((JsonString) id).getString());
            }
            return result;
        }
    }

    private String link(String origin, String customer, String action, String subscription) {
        String token = state.issue(customer, action, subscription);
        return origin + SimulatorState.PORTAL_PATH + "?action=" + action + (subscription == null ? "" : "&subscription_id=" + subscription)
                + "&token=" + token;
    }

    private JsonObject subscriptionJson(SimulatedSubscription subscription) {
        JsonObjectBuilder money = Json.createObjectBuilder().add("amount", String.valueOf(subscription.unitPriceCents())).add("currency_code", "USD");
        JsonObjectBuilder item = Json.createObjectBuilder().add("status", "active").add("quantity", subscription.quantity()).add("recurring", true)
                .add("price", Json.createObjectBuilder().add("id", "pri_01jdemoprice" + subscription.id().substring(17)).add("name", subscription.price())
                        .add("description", subscription.price()).add("unit_price", money))
                .add("product", Json.createObjectBuilder().add("id", "pro_01jdemoproduct" + subscription.id().substring(21)).add("name", subscription.product()));
        JsonObjectBuilder json = Json.createObjectBuilder().add("id", subscription.id()).add("status", subscription.status())
                .add("customer_id", state.customer()).add("currency_code", "USD").add("collection_mode", "automatic")
                .add("created_at", Instant.now().truncatedTo(ChronoUnit.DAYS).minus(90, ChronoUnit.DAYS).toString())
                .add("items", Json.createArrayBuilder().add(item));
        if (subscription.nextBilledAt() == null) {
            json.addNull("next_billed_at");
        } else {
            json.add("next_billed_at", subscription.nextBilledAt().toString());
        }
        return json.build();
    }

    /** Applies the fault mode, then checks the key; null when the request may go on. */
    private Response misbehaveOrRefuse(String authorization) {
        switch (state.mode()) {
            case SLOW -> pause();
            case SERVER_ERROR -> {
                return Response.status(500).entity(envelope("api_error", "internal_error", "Simulated server error (simulator mode SERVER_ERROR).",
                        List.of())).build();
            }
            case RATE_LIMITED -> {
                return Response.status(429).header("Retry-After", "30").entity(envelope("request_error", "too_many_requests",
                        "IP address exceeded the allowed rate limit. Retry after the number of seconds in the Retry-After header.", List.of())).build();
            }
            case NORMAL -> {
                // answer like Paddle
            }
        }
        if (!("Bearer " + DemoConfigSource.SIMULATOR_KEY).equals(authorization)) {
            return error(401, "authentication_malformed", "The simulator only accepts the demo's simulator key.", List.of());
        }
        return null;
    }

    /** Simulates a slow Paddle: answers after 3 s, beyond the library's 2 s timeout. */
    private static void pause() {
        try {
            Thread.sleep(3000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private Response error(int status, String code, String detail, List<FieldError> fieldErrors) {
        return Response.status(status).entity(envelope("request_error", code, detail, fieldErrors)).build();
    }

    private JsonObject envelope(String type, String code, String detail, List<FieldError> fieldErrors) {
        JsonObjectBuilder error = Json.createObjectBuilder().add("type", type).add("code", code).add("detail", detail)
                .add("documentation_url", "https://developer.paddle.com/errors/shared/" + code);
        if (!fieldErrors.isEmpty()) {
            JsonArrayBuilder errors = Json.createArrayBuilder();
            fieldErrors.forEach(field -> errors.add(Json.createObjectBuilder().add("field", field.field()).add("message", field.message())));
            error.add("errors", errors);
        }
        return Json.createObjectBuilder().add("error", error).add("meta", meta()).build();
    }

    private static JsonObjectBuilder meta() {
        return Json.createObjectBuilder().add("request_id", UUID.randomUUID().toString());
    }
}
