package dev.portallinks.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.SocketException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// The simulator's own HTTP/1.1 server, seen byte for byte from a raw socket: idle keep-alive connections closed after
// the time set (also switched while running), connections counted and numbered, its CPU time, the connection-level
// faults exactly as documented, and the parts of HTTP/1.1 clients use (chunked bodies, 100-continue, pipelining).
class ConnectionsTest {

    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    private static final String SUB = "sub_01h04vsc0qhwtsbsxh3422wjs4";
    private static final String BODY = "{\"subscription_ids\":[\"" + SUB + "\"]}";
    private static final Duration WAIT = Duration.ofSeconds(10);

    private static PaddleSimulator seeded(PaddleSimulator.Builder builder) {
        PaddleSimulator paddle = builder.start();
        paddle.subscription(CUSTOMER, SUB);
        return paddle;
    }

    private static String session(PaddleSimulator paddle, String... extraHeaders) {
        return RawConnection.sessionRequest(paddle, CUSTOMER, BODY, extraHeaders);
    }

    private static int created(RawConnection connection, PaddleSimulator paddle) throws IOException {
        return connection.send(session(paddle)).readAnswer().status();
    }

    private static long millisSince(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - nanos);
    }

    // ------------------------------------------------------------------------------ Idle keep-alive connections

    @ParameterizedTest
    @ValueSource(longs = {300, 900})
    void anIdleKeepAliveConnectionIsClosedAfterTheTimeSetAndNotBefore(long idleMillis) throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder().closeIdleConnectionsAfter(Duration.ofMillis(idleMillis)));
                RawConnection connection = RawConnection.to(paddle)) {
            assertThat(created(connection, paddle)).isEqualTo(201);
            assertThat(created(connection, paddle)).as("a request well within the idle time").isEqualTo(201);

            long sent = System.nanoTime();
            connection.send(session(paddle)).readAnswer();
            boolean closed = connection.closedWithin(Duration.ofMillis(idleMillis + 5000));
            long idle = millisSince(sent);

            assertThat(closed).isTrue();
            assertThat(idle).as("idle time before the simulator closed it").isGreaterThanOrEqualTo(idleMillis).isLessThan(idleMillis + 5000);
            assertThat(paddle.requests()).extracting(RecordedRequest::connection).containsExactly(1L, 1L, 1L);
            await().atMost(WAIT).until(() -> paddle.openConnections() == 0);
        }
    }

    @Test
    void closingIdleConnectionsSwitchedOnWhileRunningClosesThoseIdleAlready() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection connection = RawConnection.to(paddle)) {
            assertThat(created(connection, paddle)).isEqualTo(201);
            assertThat(connection.closedWithin(Duration.ofMillis(600))).as("kept open by default").isFalse();

            paddle.closeIdleConnectionsAfter(Duration.ofMillis(200));

            assertThat(connection.closedWithin(WAIT)).isTrue();
        }
    }

    @Test
    void keepingIdleConnectionsOpenAgainStopsClosingThem() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder().closeIdleConnectionsAfter(Duration.ofMillis(200)))) {
            paddle.keepIdleConnectionsOpen();
            try (RawConnection connection = RawConnection.to(paddle)) {
                assertThat(created(connection, paddle)).isEqualTo(201);

                assertThat(connection.closedWithin(Duration.ofMillis(800))).as("still open after four times the old limit").isFalse();
                assertThat(created(connection, paddle)).isEqualTo(201);
                assertThat(paddle.connectionsOpened()).isEqualTo(1);
            }
        }
    }

    @Test
    void anIdleTlsConnectionIsClosedToo() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder().https().closeIdleConnectionsAfter(Duration.ofMillis(300)));
                RawConnection connection = RawConnection.to(paddle)) {
            assertThat(created(connection, paddle)).isEqualTo(201);

            assertThat(connection.closedWithin(WAIT)).isTrue();
            await().atMost(WAIT).until(() -> paddle.openConnections() == 0);
        }
    }

    // -------------------------------------------------------------------------------------- Counting

    @Test
    void eachRequestTellsTheConnectionItCameOn() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection first = RawConnection.to(paddle);
                RawConnection second = RawConnection.to(paddle)) {
            created(first, paddle);
            created(second, paddle);
            created(first, paddle);

            assertThat(paddle.requests()).extracting(RecordedRequest::connection).containsExactly(1L, 2L, 1L);
            assertThat(paddle.connectionsOpened()).isEqualTo(2);
            assertThat(paddle.openConnections()).isEqualTo(2);
        }
    }

    @Test
    void aMarkCountsWhatHappenedSinceIncludingOlderAndClosedConnections() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection older = RawConnection.to(paddle);
                RawConnection unused = RawConnection.to(paddle)) {
            created(older, paddle);
            created(unused, paddle);
            paddle.reset();
            paddle.subscription(CUSTOMER, SUB);

            PaddleSimulator.Mark mark = paddle.mark();
            created(older, paddle);
            created(older, paddle);
            try (RawConnection fresh = RawConnection.to(paddle)) {
                created(fresh, paddle);
            }
            await().atMost(WAIT).until(() -> paddle.openConnections() == 2);

            assertThat(mark.requests()).isEqualTo(3);
            assertThat(mark.connectionsOpened()).isEqualTo(1);
            assertThat(mark.connectionsUsed()).as("the older one and the closed fresh one, not the unused one").isEqualTo(2);
            assertThat(paddle.requestsReceived()).as("not reset with the record").isEqualTo(5);
            assertThat(paddle.mark().connectionsUsed()).isZero();
        }
    }

    @Test
    void cpuTimeCountsTheSimulatorsThreadsAlsoAfterTheyEnded() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder())) {
            PaddleSimulator.Mark mark = paddle.mark();
            Duration whileOpen;
            try (RawConnection connection = RawConnection.to(paddle)) {
                for (int i = 0; i < 300; i++) {
                    created(connection, paddle);
                }
                whileOpen = paddle.cpuTime();
            }
            await().atMost(WAIT).until(() -> paddle.openConnections() == 0);

            assertThat(mark.cpuTime()).isPositive();
            assertThat(paddle.cpuTime()).as("the ended connection's thread still counts").isGreaterThanOrEqualTo(whileOpen);
        }
    }

    @Test
    void anEmbeddedSimulatorHasNoConnectionsToCloseOrCount() throws IOException {
        assertThatThrownBy(() -> PaddleSimulator.builder().embedded().closeIdleConnectionsAfter(Duration.ofSeconds(5)).start())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("embedded");
        assertThatThrownBy(() -> PaddleSimulator.builder().closeIdleConnectionsAfter(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        try (PaddleSimulator paddle = PaddleSimulator.builder().embedded().start()) {
            assertThatThrownBy(() -> paddle.closeIdleConnectionsAfter(Duration.ofSeconds(1))).isInstanceOf(IllegalStateException.class);
            assertThat(paddle.connectionsOpened()).isZero();
            assertThat(paddle.cpuTime()).isZero();
            assertThat(paddle.mark().connectionsUsed()).isZero();
        }
    }

    // --------------------------------------------------------------------------- Connection-level faults

    @Test
    void closeBeforeAnswerReadsTheWholeRequestThenClosesWithoutAByte() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection connection = RawConnection.to(paddle)) {
            paddle.nextCalls(1, Fault.closeBeforeAnswer());

            assertThat(connection.send(session(paddle)).readToEnd()).isEmpty();
            assertThat(paddle.requests()).singleElement().extracting(RecordedRequest::body).isEqualTo(BODY);
        }
    }

    @Test
    void resetConnectionReadsTheRequestThenResetsInsteadOfClosing() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection connection = RawConnection.to(paddle)) {
            paddle.nextCalls(1, Fault.resetConnection());

            // a RST, not the end of stream that closeBeforeAnswer gives (readToEnd would return no bytes there)
            assertThatThrownBy(() -> connection.send(session(paddle)).readToEnd()).isInstanceOf(SocketException.class)
                    .hasMessageContaining("reset");
            assertThat(paddle.requests()).singleElement().extracting(RecordedRequest::body).isEqualTo(BODY);
            try (RawConnection next = RawConnection.to(paddle)) {
                assertThat(created(next, paddle)).as("only the next call").isEqualTo(201);
            }
        }
    }

    @Test
    void closeDuringAnswerSendsTheHeadAndExactlyHalfTheBody() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection connection = RawConnection.to(paddle)) {
            paddle.nextCalls(1, Fault.closeDuringAnswer());

            RawConnection.Answer head = connection.send(session(paddle)).readHead();
            byte[] rest = connection.readToEnd();

            int announced = Integer.parseInt(head.header("Content-Length"));
            assertThat(head.status()).isEqualTo(201);
            assertThat(announced).isGreaterThan(200);
            assertThat(rest).hasSize(announced / 2);
            try (RawConnection next = RawConnection.to(paddle)) {
                assertThat(created(next, paddle)).as("only the next call").isEqualTo(201);
            }
        }
    }

    @Test
    void aHangAnswersNothingAndEndsWhenTheClientGivesUp() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder())) {
            paddle.nextCalls(1, Fault.hang());
            RawConnection connection = RawConnection.to(paddle);

            assertThat(connection.send(session(paddle)).silentFor(Duration.ofMillis(500))).isTrue();
            connection.close();

            await().atMost(WAIT).until(() -> paddle.openConnections() == 0);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void closingTheSimulatorEndsAHangingAnswer(boolean https) throws IOException {
        PaddleSimulator.Builder builder = PaddleSimulator.builder();
        PaddleSimulator paddle = seeded(https ? builder.https() : builder);
        try (RawConnection connection = RawConnection.to(paddle)) {
            paddle.always(Fault.hang());
            connection.send(session(paddle));
            await().atMost(WAIT).until(() -> paddle.requestsReceived() == 1);

            long closing = System.nanoTime();
            paddle.close();

            assertThat(connection.closedWithin(WAIT)).isTrue();
            assertThat(millisSince(closing)).isLessThan(WAIT.toMillis());
        } finally {
            paddle.close();
        }
    }

    // ------------------------------------------------------------------------------------ HTTP/1.1

    @Test
    void aChunkedBodyIsReadWhole() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection connection = RawConnection.to(paddle)) {
            String head = "POST /customers/" + CUSTOMER + "/portal-sessions HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + paddle.apiKey()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n";
            String chunks = Integer.toHexString(10) + "\r\n" + BODY.substring(0, 10) + "\r\n" + Integer.toHexString(BODY.length() - 10)
                    + ";note=ignored\r\n" + BODY.substring(10) + "\r\n0\r\n\r\n";

            RawConnection.Answer answer = connection.send(head + chunks).readAnswer();

            assertThat(answer.status()).isEqualTo(201);
            assertThat(answer.body()).contains("subscription_id=" + SUB);
            assertThat(paddle.requests()).singleElement().extracting(RecordedRequest::body).isEqualTo(BODY);
            assertThat(created(connection, paddle)).as("the connection stays usable").isEqualTo(201);
        }
    }

    @Test
    void expectContinueIsAnsweredBeforeTheClientSendsTheBody() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection connection = RawConnection.to(paddle)) {
            String request = session(paddle, "Expect: 100-continue");
            int bodyStart = request.indexOf("\r\n\r\n") + 4;

            RawConnection.Answer interim = connection.send(request.substring(0, bodyStart)).readHead();
            RawConnection.Answer answer = connection.send(request.substring(bodyStart)).readAnswer();

            assertThat(interim.status()).isEqualTo(100);
            assertThat(answer.status()).isEqualTo(201);
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInOrderOnTheirConnection() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection connection = RawConnection.to(paddle)) {
            String listing = "GET /subscriptions?customer_id=" + CUSTOMER + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + paddle.apiKey()
                    + "\r\n\r\n";

            connection.send(session(paddle) + listing);

            assertThat(connection.readAnswer().status()).isEqualTo(201);
            assertThat(connection.readAnswer().body()).contains("\"has_more\":false");
            assertThat(paddle.requests()).extracting(RecordedRequest::connection).containsExactly(1L, 1L);
        }
    }

    @Test
    void connectionCloseAndHttp10EndTheConnectionAfterTheAnswer() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection closing = RawConnection.to(paddle);
                RawConnection http10 = RawConnection.to(paddle)) {
            RawConnection.Answer closed = closing.send(session(paddle, "Connection: close")).readAnswer();
            RawConnection.Answer old = http10.send("GET /subscriptions HTTP/1.0\r\nAuthorization: Bearer " + paddle.apiKey() + "\r\n\r\n").readAnswer();

            assertThat(closed.status()).isEqualTo(201);
            assertThat(closed.header("Connection")).isEqualTo("close");
            assertThat(closing.closedWithin(WAIT)).isTrue();
            assertThat(old.status()).isEqualTo(200);
            assertThat(http10.closedWithin(WAIT)).isTrue();
        }
    }

    @Test
    void aMalformedRequestIsRefusedBeforeItReachesTheSimulator() throws IOException {
        try (PaddleSimulator paddle = seeded(PaddleSimulator.builder()); RawConnection connection = RawConnection.to(paddle)) {
            RawConnection.Answer answer = connection.send("NONSENSE\r\n\r\n").readAnswer();

            assertThat(answer.status()).isEqualTo(400);
            assertThat(connection.closedWithin(WAIT)).isTrue();
            assertThat(paddle.requests()).isEmpty();
        }
    }
}
