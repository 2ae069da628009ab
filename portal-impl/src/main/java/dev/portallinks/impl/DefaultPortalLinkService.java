package dev.portallinks.impl;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PortalAuditEvent;
import dev.portallinks.api.PortalLinkException;
import dev.portallinks.api.PortalLinkRefused;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionStore;
import dev.portallinks.api.SubscriptionSummary;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import dev.portallinks.impl.paddle.CreatePortalSessionBody;
import dev.portallinks.impl.paddle.PortalSessionMapper;
import dev.portallinks.impl.paddle.SubscriptionListEnvelope;
import dev.portallinks.impl.paddle.SubscriptionMapper;
import dev.portallinks.impl.store.InMemorySubscriptionStore;
import dev.portallinks.impl.store.StoreSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The {@link PortalLinkService} CDI bean: validates the request, applies the per-customer link limit
 * ({@link CustomerLinkLimiter}), calls Paddle through {@link PaddleCircuit} (circuit breaker per call) and
 * {@link PaddleGateway} (retries, timeout, bulkhead, rate-limit window), checks every link in the answer, and never
 * caches a session.
 */
@ApplicationScoped
public class DefaultPortalLinkService implements PortalLinkService {

    private static final Logger LOG = Logger.getLogger(DefaultPortalLinkService.class.getName());

    /** Stops a listing whose cursors never end (a Paddle bug would otherwise loop forever). */
    static final int MAX_PAGES = 1000;

    /** The circuit breaker around each logical call, and inside it {@link PaddleGateway}'s attempts. */
    @Inject
    PaddleCircuit paddle;

    @Inject
    PortalLinksConfig config;

    @Inject
    AsyncRunner async;

    @Inject
    CircuitState circuit;

    @Inject
    CustomerLinkLimiter customerLimit;

    @Inject
    AuditEvents auditEvents;

    @Inject
    PortalTelemetry telemetry;

    /** What listings are served from: the application's own store when it has one, else {@link InMemorySubscriptionStore}. */
    @Inject
    SubscriptionStore store;

    private final SubscriptionMapper subscriptionMapper = new SubscriptionMapper();
    private volatile PortalSessionMapper sessionMapper;

    @Override
    public PortalSession createSession(PortalSessionRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        PortalSessionMapper mapper = sessionMapper();
        // Before anything else: a script replaying one customer's click must not reach Paddle, the bulkhead or the circuit.
        customerLimit.acquire(request.customer(), config.settings().linksPerCustomerPerMinute());
        List<String> ids = request.subscriptions().stream().map(SubscriptionId::value).toList();
        return invoke(PaddleOperation.CREATE_PORTAL_SESSION,
                call -> mapper.toSession(paddle.createPortalSession(call, request.customer().value(), new CreatePortalSessionBody(ids)), request));
    }

    @Override
    public CompletionStage<PortalSession> createSessionAsync(PortalSessionRequest request) {
        Objects.requireNonNull(request, "request must not be null");
        return async.supply(() -> createSession(request));
    }

    @Override
    public Optional<URI> fallbackUrl() {
        return config.settings().fallbackUrl();
    }

    @Override
    public void audit(PortalAuditEvent event) {
        auditEvents.fire(event);
    }

    @Override
    public List<SubscriptionSummary> listSubscriptions(CustomerId customer, Set<SubscriptionStatus> statuses) {
        Objects.requireNonNull(customer, "customer must not be null");
        Objects.requireNonNull(statuses, "statuses must not be null; pass an empty set for all statuses");
        if (statuses.contains(SubscriptionStatus.UNKNOWN)) {
            throw new IllegalArgumentException("statuses: UNKNOWN is not a status Paddle can filter by");
        }
        StoreSettings rules = config.settings().subscriptions();
        if (rules.maxAge().isZero() && rules.minListingInterval().isZero()) {
            return listFromPaddle(customer, statuses);
        }
        Instant now = Instant.now();
        Optional<SubscriptionStore.CustomerSubscriptions> held = store.find(customer);
        if (held.isPresent() && servable(held.get(), rules, now)) {
            return only(statuses, held.get().subscriptions());
        }
        // The store keeps complete listings: Paddle is asked for every status, the filter is applied here.
        List<SubscriptionSummary> listed = listFromPaddle(customer, Set.of());
        store.putListing(customer, listed, now);
        return only(statuses, store.find(customer).map(SubscriptionStore.CustomerSubscriptions::subscriptions).orElse(listed));
    }

    /**
     * Whether a held listing is served instead of asking Paddle: it is complete (it was listed) and younger than the
     * maximum age (notifications keep it current) or than the shortest interval between two listings of one customer
     * (the per-customer limit of listings).
     */
    static boolean servable(SubscriptionStore.CustomerSubscriptions held, StoreSettings rules, Instant now) {
        if (held.listedAt() == null) {
            return false;
        }
        Duration age = Duration.between(held.listedAt(), now);
        return age.compareTo(rules.maxAge()) < 0 || age.compareTo(rules.minListingInterval()) < 0;
    }

    private static List<SubscriptionSummary> only(Set<SubscriptionStatus> statuses, List<SubscriptionSummary> subscriptions) {
        return statuses.isEmpty() ? List.copyOf(subscriptions) : subscriptions.stream().filter(s -> statuses.contains(s.status())).toList();
    }

    /** {@code GET /subscriptions?customer_id=…}, every page. */
    private List<SubscriptionSummary> listFromPaddle(CustomerId customer, Set<SubscriptionStatus> statuses) {
        String statusFilter = statuses.isEmpty() ? null : statuses.stream().map(SubscriptionStatus::paddleName).sorted()
                .collect(Collectors.joining(","));
        int pageSize = config.settings().pageSize();
        List<SubscriptionSummary> all = new ArrayList<>();
        Set<String> cursorsSeen = new HashSet<>();
        String after = null;
        for (int page = 1; page <= MAX_PAGES; page++) {
            String cursor = after;
            SubscriptionListEnvelope answer = invoke(PaddleOperation.LIST_SUBSCRIPTIONS,
                    call -> paddle.listSubscriptions(call, customer.value(), statusFilter, cursor, pageSize));
            all.addAll(subscriptionMapper.toSummaries(answer, customer));
            after = subscriptionMapper.nextCursor(answer);
            if (after == null) {
                return List.copyOf(all);
            }
            if (!cursorsSeen.add(after)) {
                throw new UnexpectedPaddleResponseException(PaddleOperation.LIST_SUBSCRIPTIONS,
                        "meta.pagination.next repeats the cursor " + after + "; the listing would never end", answer.meta.requestId, null);
            }
        }
        throw new UnexpectedPaddleResponseException(PaddleOperation.LIST_SUBSCRIPTIONS,
                "the listing has more than " + MAX_PAGES + " pages", null, null);
    }

    private PortalSessionMapper sessionMapper() {
        PortalSessionMapper mapper = sessionMapper;
        if (mapper == null) {
            mapper = new PortalSessionMapper(config.settings().allowedOrigins());
            sessionMapper = mapper;
        }
        return mapper;
    }

    /**
     * Runs one logical call and turns what Fault Tolerance throws into the API's exceptions. A synchronous
     * {@code @Timeout} interrupts the caller's thread; some implementations (Payara's) leave that interrupt behind
     * after the call has ended, which would make the caller's next blocking step fail. So a thread that was not
     * interrupted when the call began leaves it not interrupted.
     */
    private <T> T invoke(PaddleOperation operation, Function<PaddleCall, T> work) {
        boolean interruptedBefore = Thread.currentThread().isInterrupted();
        try {
            return invokeUnderFaultTolerance(operation, work);
        } finally {
            if (!interruptedBefore && Thread.interrupted()) {
                LOG.fine(() -> "Cleared the interrupt that Fault Tolerance's timeout left on the calling thread (" + operation.description() + ")");
            }
        }
    }

    /** One logical call, all its attempts, is one trace: started here, ended with what the caller sees. */
    private <T> T invokeUnderFaultTolerance(PaddleOperation operation, Function<PaddleCall, T> work) {
        PaddleCall call = new PaddleCall(operation, telemetry.startCall(operation));
        RuntimeException seenByCaller = null;
        try {
            T result = work.apply(call);
            circuit.recordSuccess(operation);
            return result;
        } catch (RuntimeException thrown) {
            PortalLinkException failure = PaddleFailures.ofCall(operation, thrown, call.attempts());
            if (failure == null) {
                seenByCaller = thrown;
                throw thrown;
            }
            seenByCaller = failure;
            if (thrown instanceof CircuitBreakerOpenException) {
                circuit.recordOpen(operation);
            }
            throw logged(call, levelOf(thrown, failure), failure);
        } finally {
            telemetry.endCall(call, seenByCaller);
        }
    }

    /**
     * How the service logs a failed call: rejections that sent nothing (circuit open, bulkhead full, an open
     * {@code Retry-After} window) at FINE; Fault Tolerance's own timeout and a failed link check at WARNING (operators must
     * see a link check that failed: an attack or a Paddle change); null for the rest, which the gateway logged per attempt.
     */
    private static Level levelOf(RuntimeException thrown, PortalLinkException failure) {
        if (failure.rejectedWithoutCallingPaddle()) {
            return Level.FINE;
        }
        boolean unexpectedAnswer = failure.refusalReason() == PortalLinkRefused.Reason.UNEXPECTED_ANSWER;
        return thrown instanceof TimeoutException || unexpectedAnswer ? Level.WARNING : null;
    }

    /**
     * Logs a failed call. Fail-fast rejections (circuit open, bulkhead full) come by the thousand during an outage and
     * send no request: FINE, so they cannot flood the server log; the circuit opening itself was logged as WARNINGs.
     */
    private static PortalLinkException logged(PaddleCall call, Level level, PortalLinkException failure) {
        if (level != null) {
            LOG.log(level, () -> failure.getMessage() + " (" + call.elapsedMillis() + " ms)");
        }
        return failure;
    }
}
