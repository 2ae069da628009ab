package dev.portallinks.it.probe;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.CustomerLinkLimitException;
import dev.portallinks.api.PaddleRateLimitedException;
import dev.portallinks.api.PaddleRequestRefusedException;
import dev.portallinks.api.PaddleUnavailableException;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalConfigurationException;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Drives the real, injected {@link PortalLinkService} from integration tests and reports what it returned or
 * threw as JSON, so the test JVM (where the test Paddle runs) can assert on it.
 */
@Path("")
@ApplicationScoped
@Produces(MediaType.APPLICATION_JSON)
public class ProbeResource {

    @Inject
    PortalLinkService portal;

    @Inject
    AuditProbe audit;

    /** @return the audit events observed since the last clear: {@code {"events": [...]}} */
    @GET
    @Path("audit-events")
    public JsonObject auditEvents() {
        return Json.createObjectBuilder().add("events", Json.createArrayBuilder(audit.events())).build();
    }

    /** @return {@code {"cleared": true}}, the audit events forgotten */
    @POST
    @Path("audit-clear")
    public JsonObject clearAuditEvents() {
        audit.clear();
        return Json.createObjectBuilder().add("cleared", true).build();
    }

    @POST
    @Path("session")
    public JsonObject session(@QueryParam("customer") String customer, @QueryParam("subscription") List<String> subscriptions) {
        return outcome(() -> session(portal.createSession(request(customer, subscriptions))));
    }

    /**
     * Two sessions, one after the other, in one HTTP request (one server thread), as a page that needs two links
     * would do; then reports whether the thread is left interrupted and whether blocking work still works on it.
     */
    @POST
    @Path("session-twice")
    public JsonObject sessionTwice(@QueryParam("customer") String customer) {
        JsonObject first = outcome(() -> session(portal.createSession(request(customer, List.of()))));
        JsonObject second = outcome(() -> session(portal.createSession(request(customer, List.of()))));
        boolean interrupted = Thread.currentThread().isInterrupted();
        boolean sleepWorks;
        try {
            Thread.sleep(1);
            sleepWorks = true;
        } catch (InterruptedException e) {
            sleepWorks = false;
        }
        Thread.interrupted(); // never hand a poisoned thread back to the server, whatever the test finds
        return Json.createObjectBuilder().add("first", first).add("second", second).add("interruptedAfter", interrupted)
                .add("sleepWorksAfter", sleepWorks).build();
    }

    /** One session, with the time the service took as seen in the server (no HTTP hop to the test in it). */
    @POST
    @Path("timed-session")
    public JsonObject timedSession(@QueryParam("customer") String customer) {
        long started = System.nanoTime();
        JsonObject outcome = outcome(() -> session(portal.createSession(request(customer, List.of()))));
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;
        return Json.createObjectBuilder(outcome).add("elapsedMillis", elapsedMillis).build();
    }

    @POST
    @Path("session-async")
    public CompletionStage<JsonObject> sessionAsync(@QueryParam("customer") String customer,
            @QueryParam("subscription") List<String> subscriptions) {
        long started = System.nanoTime();
        CompletionStage<PortalSession> stage = portal.createSessionAsync(request(customer, subscriptions));
        long returnedAfterMillis = (System.nanoTime() - started) / 1_000_000;
        return stage.thenApply(session -> Json.createObjectBuilder(session(session)).add("returnedAfterMillis", returnedAfterMillis).build())
                .exceptionally(failure -> error(failure instanceof CompletionException ? failure.getCause() : failure));
    }

    @POST
    @Path("link")
    public JsonObject link(@QueryParam("action") String action, @QueryParam("customer") String customer,
            @QueryParam("subscription") String subscription) {
        return outcome(() -> Json.createObjectBuilder().add("link", portal.link(PortalAction.fromName(action), CustomerId.of(customer),
                subscription == null ? null : SubscriptionId.of(subscription)).toString()).build());
    }

    @GET
    @Path("subscriptions")
    public JsonObject subscriptions(@QueryParam("customer") String customer, @QueryParam("status") List<String> statuses) {
        return outcome(() -> {
            Set<SubscriptionStatus> filter = EnumSet.noneOf(SubscriptionStatus.class);
            statuses.forEach(status -> filter.add(SubscriptionStatus.fromPaddleName(status)));
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (SubscriptionSummary summary : portal.listSubscriptions(CustomerId.of(customer), filter)) {
                list.add(Json.createObjectBuilder().add("id", summary.id().value()).add("status", summary.status().name())
                        .add("products", Json.createArrayBuilder(summary.productNames()))
                        .add("subtotal", summary.recurringSubtotal().map(Object::toString).orElse("")));
            }
            return Json.createObjectBuilder().add("subscriptions", list).build();
        });
    }

    private static PortalSessionRequest request(String customer, List<String> subscriptions) {
        return PortalSessionRequest.of(CustomerId.of(customer), subscriptions.stream().map(SubscriptionId::of).toList());
    }

    private static JsonObject session(PortalSession session) {
        JsonArrayBuilder links = Json.createArrayBuilder();
        session.subscriptions().forEach(entry -> links.add(Json.createObjectBuilder().add("id", entry.subscription().value())
                .add("cancel", entry.cancelSubscription().toString()).add("updatePaymentMethod", entry.updatePaymentMethod().toString())));
        return Json.createObjectBuilder().add("id", session.id()).add("customer", session.customer().value())
                .add("overview", session.overview().toString()).add("subscriptions", links).add("createdAt", session.createdAt().toString())
                .add("requestId", String.valueOf(session.requestId())).add("toString", session.toString()).build();
    }

    private static JsonObject outcome(Supplier<JsonObject> call) {
        try {
            return call.get();
        } catch (RuntimeException failure) {
            return error(failure);
        }
    }

    /** Describes any failure; the test asserts on type and fields, never on a stack trace. */
    private static JsonObject error(Throwable failure) {
        JsonArrayBuilder causes = Json.createArrayBuilder();
        for (Throwable cause = failure.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            causes.add(cause.getClass().getName());
        }
        JsonObjectBuilder json = Json.createObjectBuilder().add("error", failure.getClass().getName())
                .add("message", String.valueOf(failure.getMessage())).add("toString", failure.toString()).add("causes", causes);
        if (failure instanceof PortalLinkException linkFailure) {
            json.add("requestId", String.valueOf(linkFailure.requestId()));
        }
        if (failure instanceof PaddleRequestRefusedException refused) {
            JsonArrayBuilder fields = Json.createArrayBuilder();
            refused.fieldErrors().forEach(field -> fields.add(Json.createObjectBuilder().add("field", field.field()).add("message", field.message())));
            json.add("httpStatus", refused.httpStatus()).add("type", String.valueOf(refused.type())).add("code", String.valueOf(refused.code()))
                    .add("detail", String.valueOf(refused.detail())).add("documentationUrl", String.valueOf(refused.documentationUrl()))
                    .add("permission", refused.requiredPermission()).add("fieldErrors", fields);
        }
        if (failure instanceof PaddleUnavailableException unavailable) {
            json.add("reason", unavailable.reason().name()).add("httpStatus", unavailable.httpStatus()).add("attempts", unavailable.attempts());
        }
        if (failure instanceof PaddleRateLimitedException limited) {
            json.add("retryAfterSeconds", limited.retryAfter().toSeconds()).add("retryAt", limited.retryAt().toString())
                    .add("answeredByPaddle", limited.answeredByPaddle());
        }
        if (failure instanceof CustomerLinkLimitException tooFast) {
            json.add("customer", tooFast.customer().value()).add("limitPerMinute", tooFast.limitPerMinute())
                    .add("retryAfterSeconds", tooFast.retryAfter().toSeconds()).add("retryAt", tooFast.retryAt().toString());
        }
        if (failure instanceof PortalConfigurationException misconfigured) {
            json.add("property", misconfigured.property());
        }
        return json.build();
    }
}
