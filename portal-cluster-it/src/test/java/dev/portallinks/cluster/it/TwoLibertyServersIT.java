package dev.portallinks.cluster.it;

import static dev.portallinks.cluster.it.ClusterServer.A;
import static dev.portallinks.cluster.it.ClusterServer.B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulatorExtension;
import dev.portallinks.test.RecordedRequest;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two Open Liberty servers started by the build, each with the library and an embedded Hazelcast member joined over TCP
 * on 127.0.0.1, in front of one Paddle simulator: they behave as one client of Paddle. A 429 answered to one stops the
 * other, a customer's budget is one for both, and a member that stops leaves both serving links (the server that lost
 * it on its own state, with one WARNING) until the library's retry has a member again and both share again.
 *
 * <p>The tests share the two servers and their caches, each with customers of its own; the member is stopped last.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoLibertyServersIT {

    /** paddle.portal.links-per-customer-per-minute of the test WAR. */
    private static final int LIMIT = 5;
    /** The Retry-After the issue names: long enough that a server that did not share the window would call within it. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);
    private static final String RATE_LIMITED = "dev.portallinks.api.PaddleRateLimitedException";
    private static final String OVER_THE_LIMIT = "dev.portallinks.api.CustomerLinkLimitException";
    private static final AtomicInteger CUSTOMERS = new AtomicInteger();

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
            PaddleSimulator.builder().port(Integer.getInteger("cluster.paddle.port")).apiKey(System.getProperty("cluster.api-key")))
            .resetBeforeEachKnowing();

    @BeforeAll
    static void bothServersShareTheState() {
        for (ClusterServer server : List.of(A, B)) {
            await(server + " connected to the shared state").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .failFast(server + " says Portal Links is not usable", () -> server.messages().contains("Portal Links is not usable"))
                    .until(() -> server.messages().contains("are shared through JCache caches portal-links.retry-after"));
            await(server + "'s member in a cluster of two").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                    .until(() -> server.clusterSize() == 2);
        }
    }

    /** @return a customer no other click of the run used, known to the simulator */
    private static String newCustomer() {
        String customer = String.format("ctm_%026d", CUSTOMERS.incrementAndGet());
        PADDLE.simulator().customer(customer);
        return customer;
    }

    private static List<RecordedRequest> sessionsFor(String customer) {
        return PADDLE.simulator().apiCalls().stream().filter(r -> r.isPortalSession() && r.path().equals("/customers/" + customer + "/portal-sessions"))
                .toList();
    }

    /**
     * Clicks of one new customer, alternating between A and B (A first), and checks that both servers together gave
     * the limit and refused the rest, and that only the limit reached Paddle.
     */
    private static void assertRoundRobinClicksGetTheLimitInTotal() {
        String customer = newCustomer();
        Instant start = Instant.now();

        List<JsonObject> answers = new ArrayList<>();
        for (int i = 0; i < 2 * LIMIT + 2; i++) {
            answers.add((i % 2 == 0 ? A : B).click(customer));
        }

        assertThat(answers.subList(0, LIMIT)).as("the first %d clicks, on A and B", LIMIT).allSatisfy(answer -> assertThat(answer).containsKey("link"));
        assertThat(answers.subList(LIMIT, answers.size())).as("the clicks beyond the budget, on both servers").allSatisfy(answer -> {
            assertThat(answer.getString("error", "a link")).isEqualTo(OVER_THE_LIMIT);
            assertThat(answer.getInt("limitPerMinute")).isEqualTo(LIMIT);
            // Allowed again when the oldest of the minute's links leaves the minute.
            assertThat(Instant.parse(answer.getString("retryAt"))).isBetween(start.plusSeconds(59), Instant.now().plusSeconds(60));
        });
        assertThat(sessionsFor(customer)).as("calls that reached Paddle for the customer").hasSize(LIMIT);
        assertThat(PADDLE.simulator().portalSessionsCreated(customer)).isEqualTo(LIMIT);
    }

    @Test
    @Order(1)
    void clicksOfOneCustomerRoundRobinOverBothServersGetTheLimitInTotal() {
        assertRoundRobinClicksGetTheLimitInTotal();
    }

    @Test
    @Order(2)
    void concurrentClicksOfOneCustomerOnBothServersGetTheLimitInTotal() throws Exception {
        String customer = newCustomer();
        int clicks = 4 * LIMIT;

        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<Boolean>> linked = new ArrayList<>();
        try {
            for (int i = 0; i < clicks; i++) {
                ClusterServer server = i % 2 == 0 ? A : B;
                linked.add(callers.submit(() -> server.linkFor(customer)));
            }
            int links = 0;
            for (Future<Boolean> click : linked) {
                links += click.get() ? 1 : 0;
            }
            assertThat(links).as("links out of %d concurrent clicks on A and B", clicks).isEqualTo(LIMIT);
        } finally {
            callers.shutdownNow();
        }
        assertThat(sessionsFor(customer)).as("calls that reached Paddle for the customer").hasSize(LIMIT);
    }

    @Test
    @Order(3)
    void aRateLimitAnsweredToAStopsBWithoutACallUntilTheWindowEndsThenBothCallAgain() {
        PaddleSimulator paddle = PADDLE.simulator();
        paddle.nextCalls(1, Fault.rateLimited(RETRY_AFTER));

        JsonObject onA = A.click(newCustomer());

        assertThat(onA.getString("error")).isEqualTo(RATE_LIMITED);
        assertThat(onA.getBoolean("answeredByPaddle")).as("A's click was answered by Paddle's 429").isTrue();
        RecordedRequest the429 = paddle.apiCalls().get(0);
        Instant windowEnd = the429.receivedAt().plus(RETRY_AFTER);
        JsonObject againOnA = A.click(newCustomer());
        assertThat(againOnA.getString("error")).isEqualTo(RATE_LIMITED);
        assertThat(againOnA.getBoolean("answeredByPaddle")).isFalse();

        // B is clicked on all through the window, a new customer each time (so its own limit never applies), until it gives a link.
        AtomicInteger refusedOnB = new AtomicInteger();
        await("B gives links again").atMost(RETRY_AFTER.plusSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> {
            JsonObject onB = B.click(newCustomer());
            if (onB.containsKey("link")) {
                return true;
            }
            assertThat(onB.getString("error")).as("B's answer within the window").isEqualTo(RATE_LIMITED);
            assertThat(onB.getBoolean("answeredByPaddle")).as("B refused on its own, without asking Paddle").isFalse();
            assertThat(Instant.parse(onB.getString("retryAt"))).isBetween(windowEnd.minusSeconds(1), windowEnd.plusSeconds(3));
            refusedOnB.incrementAndGet();
            return false;
        });

        List<RecordedRequest> calls = paddle.apiCalls();
        assertThat(calls.stream().filter(call -> call.receivedAt().isBefore(windowEnd)))
                .as("calls Paddle received within the window: A's one that got the 429, none of B's %d clicks", refusedOnB.get())
                .containsExactly(the429);
        assertThat(refusedOnB).as("B's clicks refused within the window").hasValueGreaterThan(20);
        // B calls again once the window ends (its end as A saw it, at most the 2 s skew tolerance later).
        assertThat(calls.get(1).receivedAt()).isBefore(windowEnd.plusSeconds(3));
        String afterOnA = newCustomer();
        assertThat(A.click(afterOnA)).as("A after the window").containsKey("link");
        assertThat(sessionsFor(afterOnA)).hasSize(1);
    }

    @Test
    @Order(4)
    void aMemberStoppedLeavesBothServersServingLinksWithOneWarningOnTheServerThatLostItUntilItIsBack() {
        assertThat(A.sharedStateWarnings()).as("A: every earlier test ran on the shared state").isEmpty();
        assertThat(B.sharedStateWarnings()).as("B: every earlier test ran on the shared state").isEmpty();

        B.stopMember();

        for (int i = 0; i < 10; i++) {
            assertThat(A.linkFor(newCustomer())).as("click %d on A", i).isTrue();
            assertThat(B.linkFor(newCustomer())).as("click %d on B", i).isTrue();
        }
        await("B's WARNING").atMost(Duration.ofSeconds(10)).until(() -> B.sharedStateWarnings().size() == 1);
        assertThat(B.sharedStateWarnings().get(0)).contains("cannot be used", "Logged once per outage");
        // Clicks go on through two retry intervals (paddle.cluster.retry-interval-ms, 5 s), in which B tries the cache again.
        await("both serve, one WARNING per outage").during(Duration.ofSeconds(12)).atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(500))
                .until(() -> A.linkFor(newCustomer()) && B.linkFor(newCustomer()) && B.sharedStateWarnings().size() == 1
                        && A.sharedStateWarnings().size() <= 1);

        // B's retry opens the caches again, and Hazelcast's member provider starts a new member, which joins A's.
        await("B shares again").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> B.linkFor(newCustomer()) && B.messages().contains("answers again after") && B.clusterSize() == 2 && A.clusterSize() == 2);
        assertRoundRobinClicksGetTheLimitInTotal();
        assertThat(B.sharedStateWarnings()).as("B: one WARNING for the outage, not one per call").hasSize(1);
        // A's member takes over B's partitions from its backups: A sees an outage only if a click of its own waited for
        // them (then one WARNING), never one per call.
        assertThat(A.sharedStateWarnings()).as("A: at most one WARNING").hasSizeLessThanOrEqualTo(1);
    }
}
