package dev.portallinks.benchmarks.server;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.SubscriptionId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;

/** The measured implementation: the injected {@link PortalLinkService} (Rest Client, Fault Tolerance, JSON-B, link checks). */
@ApplicationScoped
public class ServiceCaller implements PortalSessionCaller {

    private static final List<PortalSessionRequest> REQUESTS = IntStream.rangeClosed(0, BenchmarkIds.MAX_SUBSCRIPTIONS)
            .mapToObj(count -> PortalSessionRequest.of(CustomerId.of(BenchmarkIds.CUSTOMER),
                    BenchmarkIds.subscriptions(count).stream().map(SubscriptionId::of).toList()))
            .toList();

    @Inject
    PortalLinkService portal;

    @Override
    public void createSession(int subscriptions) {
        PortalSession session = portal.createSession(REQUESTS.get(subscriptions));
        if (session.subscriptions().size() != subscriptions) {
            throw new IllegalStateException("expected " + subscriptions + " subscription links, got " + session.subscriptions().size());
        }
    }
}
