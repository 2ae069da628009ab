package dev.portallinks.impl.paddle;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.SubscriptionId;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-JVM part of creating a session (scenario 7 of the benchmark driver, run by JMH): the one-pass link check
 * alone, {@code java.net.URI} parsing the same link (the baseline: what every link costs anyway, since the API hands
 * out URIs), and {@link PortalSessionMapper#toSession} on Paddle's answer with 1 and 25 subscriptions (3 and 51
 * links). In this package because the checker is package-private.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class LinkCheckBenchmark {

    private static final String PORTAL = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";
    private static final String TOKEN = "pga_eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJjdG1fMDFncm5uNHp0YTVhMW1mMDJqanplN3kyeXMiLCJuYW1lIjoiSm9obiBEb2UiLCJpYXQiOjE3Mjc2NzkyMzh9"
            + "._oO12IejzdKmyKTwb7BLjmiILkx4_cSyGjXraOBUI_g";
    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");

    /** Subscriptions in the session. */
    @Param({"1", "25"})
    public int subscriptions;

    private final PortalSessionMapper mapper = new PortalSessionMapper(List.of(URI.create("https://customer-portal.paddle.com")));
    private final PortalLinkChecker checker = new PortalLinkChecker(List.of("https://customer-portal.paddle.com"));
    private PortalSessionEnvelope answer;
    private PortalSessionRequest request;
    private String cancelLink;
    private String subscription;

    /** Builds Paddle's answer for {@link #subscriptions} subscriptions, as the Rest Client would have read it. */
    @Setup
    public void answer() {
        List<SubscriptionId> ids = new ArrayList<>();
        answer = new PortalSessionEnvelope();
        answer.data = new PortalSessionEnvelope.Data();
        answer.data.id = "cpls_01h4ge9r64c22exjsx0fy8b48b";
        answer.data.customerId = CUSTOMER.value();
        answer.data.createdAt = "2024-10-25T06:53:58.123456Z";
        answer.data.urls = new PortalSessionEnvelope.Urls();
        answer.data.urls.general = new PortalSessionEnvelope.General();
        answer.data.urls.general.overview = PORTAL + "?action=overview&token=" + TOKEN;
        answer.data.urls.subscriptions = new ArrayList<>();
        for (int i = 0; i < subscriptions; i++) {
            SubscriptionId id = SubscriptionId.of(String.format("sub_01h04vsc0qhwtsbsxh3422w%03d", i));
            ids.add(id);
            PortalSessionEnvelope.SubscriptionUrls urls = new PortalSessionEnvelope.SubscriptionUrls();
            urls.id = id.value();
            urls.cancelSubscription = PORTAL + "?action=cancel_subscription&subscription_id=" + id + "&token=" + TOKEN;
            urls.updateSubscriptionPaymentMethod = PORTAL + "?action=update_subscription_payment_method&subscription_id=" + id + "&token=" + TOKEN;
            answer.data.urls.subscriptions.add(urls);
        }
        request = PortalSessionRequest.of(CUSTOMER, ids);
        cancelLink = answer.data.urls.subscriptions.get(0).cancelSubscription;
        subscription = ids.get(0).value();
    }

    /** @return the checked session: every link checked, the value types built */
    @Benchmark
    public PortalSession toSession() {
        return mapper.toSession(answer, request);
    }

    /**
     * @return what a redirect does: the checked session, then the one link the customer is sent to, parsed into a URI
     *         (links are kept as text until asked for)
     */
    @Benchmark
    public URI toSessionThenOneLink() {
        return mapper.toSession(answer, request).link(PortalAction.CANCEL_SUBSCRIPTION, request.subscriptions().get(0));
    }

    /** @return the verdict on one subscription link (the same for both parameter values) */
    @Benchmark
    public boolean checkOneLink() {
        return checker.accepts(cancelLink, "cancel_subscription", subscription);
    }

    /** @return the same link parsed by {@code java.net.URI} (the baseline) */
    @Benchmark
    public URI parseOneLink() {
        return URI.create(cancelLink);
    }
}
