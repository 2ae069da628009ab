package dev.portallinks.impl.paddle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.PortalAction;
import dev.portallinks.api.PortalSession;
import dev.portallinks.api.PortalSessionRequest;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionLinks;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import dev.portallinks.impl.SettingsReader;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

// Paddle's portal-session fixtures through JSON-B and PortalSessionMapper: the happy paths, the request body, and every
// link check, each of which must reject the answer without handing out a link or leaking the token in the message.
class PortalSessionMapperTest {

    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an");
    private static final CustomerId OTHER_CUSTOMER = CustomerId.of("ctm_01hp462x4578nc20acj9g956yy");
    private static final SubscriptionId SUB_1 = SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4");
    private static final SubscriptionId SUB_2 = SubscriptionId.of("sub_02h04vsc0qhwtsbsxh3422wjs4");
    private static final String SESSION_ID = "cpls_01h4ge9r64c22exjsx0fy8b48b";
    private static final Instant CREATED_AT = Instant.parse("2024-10-25T06:53:58Z");
    private static final String REQUEST_ID = "fa176777-4bca-49ec-aa1e-f53885333cb7";

    /** The token of every link in the Python fixtures. */
    private static final String TOKEN = "pga_eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
            + ".eyJzdWIiOiJjdG1fMDFncm5uNHp0YTVhMW1mMDJqanplN3kyeXMiLCJuYW1lIjoiSm9obiBEb2UiLCJpYXQiOjE3Mjc2NzkyMzh9"
            + "._oO12IejzdKmyKTwb7BLjmiILkx4_cSyGjXraOBUI_g";
    private static final String PORTAL = "https://customer-portal.paddle.com/cpl_01j7zbyqs3vah3aafp4jf62qaw";
    private static final String OVERVIEW = PORTAL + "?action=overview&token=" + TOKEN;

    private static final String EMPTY = "python-sdk__portal-sessions__response_full_entity_empty.json";
    private static final String SINGLE = "python-sdk__portal-sessions__response_full_entity_single.json";
    private static final String MULTIPLE = "python-sdk__portal-sessions__response_full_entity_multiple.json";
    private static final String NODE_MOCK = "node-sdk__portal-sessions__mock_response__extracted.json";

    private final PortalSessionMapper mapper = new PortalSessionMapper(SettingsReader.DEFAULT_ALLOWED_ORIGINS);

    private static String cancel(SubscriptionId subscription) {
        return PORTAL + "?action=cancel_subscription&subscription_id=" + subscription + "&token=" + TOKEN;
    }

    private static String update(SubscriptionId subscription) {
        return PORTAL + "?action=update_subscription_payment_method&subscription_id=" + subscription + "&token=" + TOKEN;
    }

    private static PortalSessionEnvelope fixture(String file) {
        return PaddleFixtures.read(file, PortalSessionEnvelope.class);
    }

    /** The single-subscription fixture with one change applied to the wire object. */
    private static PortalSessionEnvelope single(Consumer<PortalSessionEnvelope> change) {
        PortalSessionEnvelope envelope = fixture(SINGLE);
        change.accept(envelope);
        return envelope;
    }

    private static PortalSessionEnvelope.SubscriptionUrls entry(PortalSessionEnvelope envelope, int index) {
        return envelope.data.urls.subscriptions.get(index);
    }

    /** Asserts the answer is rejected, the message names what is wrong, and no token leaks. */
    private UnexpectedPaddleResponseException rejected(PortalSessionMapper checker, PortalSessionEnvelope envelope, PortalSessionRequest request,
            String... expectedInMessage) {
        UnexpectedPaddleResponseException e = catchThrowableOfType(UnexpectedPaddleResponseException.class,
                () -> checker.toSession(envelope, request));
        assertThat(e).as("the answer must be rejected, not mapped to a session").isNotNull();
        assertThat(e.operation()).isEqualTo(PaddleOperation.CREATE_PORTAL_SESSION);
        assertThat(e.getMessage()).contains(expectedInMessage).doesNotContain("pga_").doesNotContain("eyJhbGciOiJIUzI1NiIs");
        assertThat(e.toString()).doesNotContain("pga_");
        return e;
    }

    private UnexpectedPaddleResponseException rejected(PortalSessionEnvelope envelope, PortalSessionRequest request, String... expectedInMessage) {
        return rejected(mapper, envelope, request, expectedInMessage);
    }

    private static PortalSessionRequest requestFor(SubscriptionId... subscriptions) {
        return PortalSessionRequest.of(CUSTOMER, subscriptions);
    }

    // --- Paddle's fixtures ---

    static Stream<Arguments> fixtures() {
        return Stream.of(
                Arguments.of("empty", List.of()),
                Arguments.of("single", List.of(SUB_1)),
                Arguments.of("multiple", List.of(SUB_1, SUB_2)));
    }

    @ParameterizedTest(name = "full_entity_{0}")
    @MethodSource("fixtures")
    void mapsPaddlesFixture(String name, List<SubscriptionId> subscriptions) {
        PortalSessionEnvelope envelope = fixture("python-sdk__portal-sessions__response_full_entity_" + name + ".json");

        PortalSession session = mapper.toSession(envelope, PortalSessionRequest.of(CUSTOMER, subscriptions));

        assertThat(session.id()).isEqualTo(SESSION_ID);
        assertThat(session.customer()).isEqualTo(CUSTOMER);
        assertThat(session.overview()).isEqualTo(URI.create(OVERVIEW));
        assertThat(session.createdAt()).isEqualTo(CREATED_AT);
        assertThat(session.requestId()).isEqualTo(REQUEST_ID);
        assertThat(session.subscriptions()).extracting(SubscriptionLinks::subscription).containsExactlyElementsOf(subscriptions);
        for (SubscriptionId subscription : subscriptions) {
            SubscriptionLinks links = session.linksFor(subscription).orElseThrow();
            assertThat(links.cancelSubscription()).isEqualTo(URI.create(cancel(subscription)));
            assertThat(links.updatePaymentMethod()).isEqualTo(URI.create(update(subscription)));
            assertThat(session.link(PortalAction.CANCEL_SUBSCRIPTION, subscription)).isEqualTo(URI.create(cancel(subscription)));
        }
        assertThat(session.toString()).contains(SESSION_ID).doesNotContain("pga_");
    }

    @ParameterizedTest(name = "request_create_{0}")
    @MethodSource("fixtures")
    void requestBodyIsPaddlesFixture(String name, List<SubscriptionId> subscriptions) {
        CreatePortalSessionBody body = new CreatePortalSessionBody(subscriptions.stream().map(SubscriptionId::value).toList());

        String json = PaddleFixtures.JSONB.toJson(body);

        assertThat(PaddleFixtures.parse(json))
                .isEqualTo(PaddleFixtures.parse(PaddleFixtures.text("python-sdk__portal-sessions__request_create_" + name + ".json")));
    }

    @Test
    void linksAreInTheOrderOfTheRequestNotOfTheAnswer() {
        PortalSession session = mapper.toSession(fixture(MULTIPLE), requestFor(SUB_2, SUB_1));

        assertThat(session.subscriptions()).extracting(SubscriptionLinks::subscription).containsExactly(SUB_2, SUB_1);
        assertThat(session.subscriptions().get(0).cancelSubscription()).isEqualTo(URI.create(cancel(SUB_2)));
    }

    @Test
    void overviewOnlyAnswerWithoutSubscriptionsArrayIsAccepted() {
        PortalSessionEnvelope envelope = fixture(EMPTY);
        envelope.data.urls.subscriptions = null;

        PortalSession session = mapper.toSession(envelope, PortalSessionRequest.overview(CUSTOMER));

        assertThat(session.subscriptions()).isEmpty();
        assertThat(session.overview()).isEqualTo(URI.create(OVERVIEW));
    }

    @Test
    void createdAtWithNanosecondsAndOffsetIsRead() {
        PortalSession nanos = mapper.toSession(single(e -> e.data.createdAt = "2024-11-12T15:13:21.077605273Z"), requestFor(SUB_1));
        PortalSession offset = mapper.toSession(single(e -> e.data.createdAt = "2024-10-25T08:53:58+02:00"), requestFor(SUB_1));

        assertThat(nanos.createdAt()).isEqualTo(Instant.parse("2024-11-12T15:13:21.077605273Z"));
        assertThat(offset.createdAt()).isEqualTo(CREATED_AT);
    }

    // --- The Node SDK's mock: IDs that do not match Paddle's patterns ---

    @Test
    void nodeMockIsRejectedForItsInvalidCustomerId() {
        PortalSessionEnvelope mock = fixture(NODE_MOCK);

        UnexpectedPaddleResponseException e = rejected(mock, PortalSessionRequest.overview(CUSTOMER), "data.customer_id", "ctm_123");

        assertThat(e.requestId()).as("the mock's empty request_id is no request ID").isNull();
    }

    @Test
    void nodeMockIsRejectedWhenRequestedForAValidCustomerAndSubscription() {
        rejected(fixture(NODE_MOCK), requestFor(SUB_1), "data.customer_id", "ctm_123");
    }

    @Test
    void nodeMockWithAValidCustomerIsStillRejectedForItsSubscriptionId() {
        PortalSessionEnvelope mock = fixture(NODE_MOCK);
        mock.data.customerId = CUSTOMER.value();

        rejected(mock, requestFor(SUB_1), "data.urls.subscriptions[0].id", "sub_123");
    }

    // --- Link checks on the overview link ---

    static Stream<Arguments> badOverviewLinks() {
        String path = "/cpl_01j7zbyqs3vah3aafp4jf62qaw";
        String query = "?action=overview&token=" + TOKEN;
        return Stream.of(
                Arguments.of("wrong host", "https://evil.example" + path + query, "https://evil.example"),
                Arguments.of("http instead of https", "http://customer-portal.paddle.com" + path + query,
                        "http://customer-portal.paddle.com, which is not an allowed"),
                Arguments.of("host that only ends with the allowed host", "https://evilcustomer-portal.paddle.com" + path + query,
                        "https://evilcustomer-portal.paddle.com, which is not an allowed"),
                Arguments.of("allowed host as a prefix of another", "https://customer-portal.paddle.com.evil.example" + path + query,
                        "https://customer-portal.paddle.com.evil.example, which is not an allowed"),
                Arguments.of("other port", "https://customer-portal.paddle.com:8443" + path + query, "https://customer-portal.paddle.com:8443"),
                Arguments.of("other scheme", "ftp://customer-portal.paddle.com" + path + query, "ftp://customer-portal.paddle.com"),
                Arguments.of("user-info trick", "https://customer-portal.paddle.com@evil.example" + path + query,
                        "user-info (it points to https://evil.example)"),
                Arguments.of("user-info on the right host", "https://someone@customer-portal.paddle.com" + path + query, "user-info"),
                Arguments.of("user-info and a percent-encoded token name", "https://someone@customer-portal.paddle.com" + path
                        + "?action=overview&tok%65n=" + TOKEN, "user-info"),
                Arguments.of("javascript URL", "javascript:alert(1)", "not an absolute http(s) URL"),
                Arguments.of("relative URL", path + query, "not an absolute http(s) URL"),
                Arguments.of("scheme-relative URL", "//customer-portal.paddle.com" + path + query, "not an absolute http(s) URL"),
                Arguments.of("not a URL", "https://customer-portal.paddle.com" + path + query + " and more", "not a valid URL"),
                Arguments.of("no portal path", "https://customer-portal.paddle.com/" + query, "customer portal path"),
                Arguments.of("portal path with more segments", "https://customer-portal.paddle.com" + path + "/../admin" + query,
                        "customer portal path"),
                Arguments.of("missing token", "https://customer-portal.paddle.com" + path + "?action=overview", "no sign-in token"),
                Arguments.of("empty token", "https://customer-portal.paddle.com" + path + "?action=overview&token=", "no sign-in token"),
                Arguments.of("wrong action", "https://customer-portal.paddle.com" + path + "?action=cancel_subscription&token=" + TOKEN,
                        "action=cancel_subscription, expected overview"),
                Arguments.of("missing action", "https://customer-portal.paddle.com" + path + "?token=" + TOKEN, "expected overview"),
                Arguments.of("repeated action", "https://customer-portal.paddle.com" + path + "?action=overview&action=cancel_subscription&token="
                        + TOKEN, "repeats a query parameter"),
                Arguments.of("repeated token", "https://customer-portal.paddle.com" + path + "?action=overview&token=" + TOKEN + "&token=other",
                        "repeats a query parameter"),
                Arguments.of("overview naming a subscription", "https://customer-portal.paddle.com" + path
                        + "?action=overview&subscription_id=" + SUB_1 + "&token=" + TOKEN, "subscription_id=" + SUB_1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badOverviewLinks")
    void badOverviewLinkIsRejected(String name, String link, String expected) {
        UnexpectedPaddleResponseException e = rejected(single(envelope -> envelope.data.urls.general.overview = link), requestFor(SUB_1),
                "data.urls.general.overview", expected);

        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void explicitDefaultPortAndUpperCaseAreTheSameOrigin() {
        String link = "HTTPS://Customer-Portal.Paddle.COM:443/cpl_01j7zbyqs3vah3aafp4jf62qaw?action=overview&token=" + TOKEN;

        PortalSession session = mapper.toSession(single(e -> e.data.urls.general.overview = link), requestFor(SUB_1));

        assertThat(session.overview()).isEqualTo(URI.create(link));
    }

    @Test
    void loopbackPortalIsAcceptedOnlyWhenThatOriginIsAllowed() {
        String link = "http://127.0.0.1:8089/cpl_01j7zbyqs3vah3aafp4jf62qaw?action=overview&token=pga_stub";
        String otherPort = "http://127.0.0.1:8090/cpl_01j7zbyqs3vah3aafp4jf62qaw?action=overview&token=pga_stub";
        PortalSessionMapper stubMapper = new PortalSessionMapper(List.of(URI.create("http://127.0.0.1:8089")));

        PortalSession session = stubMapper.toSession(fixtureWithOverview(EMPTY, link), PortalSessionRequest.overview(CUSTOMER));

        assertThat(session.overview()).isEqualTo(URI.create(link));
        rejected(fixtureWithOverview(EMPTY, link), PortalSessionRequest.overview(CUSTOMER), "http://127.0.0.1:8089, which is not an allowed");
        rejected(stubMapper, fixtureWithOverview(EMPTY, otherPort), PortalSessionRequest.overview(CUSTOMER), "http://127.0.0.1:8090");
    }

    private static PortalSessionEnvelope fixtureWithOverview(String file, String overview) {
        PortalSessionEnvelope envelope = fixture(file);
        envelope.data.urls.general.overview = overview;
        return envelope;
    }

    @ParameterizedTest
    @CsvSource({
        "HTTPS://Customer-Portal.Paddle.COM:443/cpl_x?token=secret, https://customer-portal.paddle.com",
        "https://customer-portal.paddle.com, https://customer-portal.paddle.com",
        "http://LOCALHOST:80/, http://localhost",
        "http://127.0.0.1:8089/cpl_x, http://127.0.0.1:8089",
        "https://example.com:80, https://example.com:80",
        "http://example.com:443, http://example.com:443"
    })
    void originNormalisesCaseAndDefaultPorts(String uri, String origin) {
        assertThat(PortalSessionMapper.origin(URI.create(uri))).isEqualTo(origin);
    }

    @Test
    void allowedOriginWithExplicitDefaultPortMatchesLinksWithout() {
        PortalSessionMapper explicitPort = new PortalSessionMapper(List.of(URI.create("https://CUSTOMER-PORTAL.paddle.com:443/")));

        PortalSession session = explicitPort.toSession(fixture(SINGLE), requestFor(SUB_1));

        assertThat(session.overview()).isEqualTo(URI.create(OVERVIEW));
    }

    // --- Link checks on the subscription links ---

    @Test
    void cancelLinkNamingAnotherSubscriptionIsRejected() {
        rejected(single(e -> entry(e, 0).cancelSubscription = cancel(SUB_2)), requestFor(SUB_1),
                "data.urls.subscriptions[0].cancel_subscription", "subscription_id=" + SUB_2, "expected " + SUB_1);
    }

    @Test
    void cancelLinkWithoutSubscriptionIdIsRejected() {
        rejected(single(e -> entry(e, 0).cancelSubscription = PORTAL + "?action=cancel_subscription&token=" + TOKEN), requestFor(SUB_1),
                "data.urls.subscriptions[0].cancel_subscription", "expected " + SUB_1);
    }

    @Test
    void cancelLinkWithTheUpdateActionIsRejected() {
        rejected(single(e -> entry(e, 0).cancelSubscription = update(SUB_1)), requestFor(SUB_1),
                "data.urls.subscriptions[0].cancel_subscription", "action=update_subscription_payment_method, expected cancel_subscription");
    }

    @Test
    void updateLinkOnAnotherHostIsRejected() {
        rejected(single(e -> entry(e, 0).updateSubscriptionPaymentMethod = update(SUB_1).replace("customer-portal.paddle.com", "evil.example")),
                requestFor(SUB_1), "data.urls.subscriptions[0].update_subscription_payment_method", "https://evil.example");
    }

    @Test
    void updateLinkWithoutTokenIsRejected() {
        rejected(single(e -> entry(e, 0).updateSubscriptionPaymentMethod = update(SUB_1).replace("&token=" + TOKEN, "")), requestFor(SUB_1),
                "data.urls.subscriptions[0].update_subscription_payment_method", "no sign-in token");
    }

    // --- The answer must be for what was asked ---

    @Test
    void anotherCustomerIsRejected() {
        rejected(single(e -> e.data.customerId = OTHER_CUSTOMER.value()), requestFor(SUB_1),
                "data.customer_id is " + OTHER_CUSTOMER, "requested for " + CUSTOMER);
    }

    @Test
    void missingSubscriptionIsRejected() {
        rejected(fixture(SINGLE), requestFor(SUB_1, SUB_2), "no links for requested subscription " + SUB_2);
    }

    @Test
    void missingSubscriptionsArrayIsRejectedWhenSubscriptionsWereRequested() {
        rejected(single(e -> e.data.urls.subscriptions = null), requestFor(SUB_1), "no links for requested subscription " + SUB_1);
    }

    @Test
    void subscriptionNotAskedForIsRejected() {
        rejected(fixture(MULTIPLE), requestFor(SUB_1), "data.urls.subscriptions[1]", SUB_2 + ", which was not requested");
    }

    @Test
    void subscriptionLinksForAnOverviewOnlyRequestAreRejected() {
        rejected(fixture(SINGLE), PortalSessionRequest.overview(CUSTOMER), "data.urls.subscriptions[0]", SUB_1 + ", which was not requested");
    }

    @Test
    void duplicatedSubscriptionEntryIsRejected() {
        PortalSessionEnvelope envelope = single(e -> {
            List<PortalSessionEnvelope.SubscriptionUrls> twice = new ArrayList<>(e.data.urls.subscriptions);
            twice.add(e.data.urls.subscriptions.get(0));
            e.data.urls.subscriptions = twice;
        });

        rejected(envelope, requestFor(SUB_1), "data.urls.subscriptions[1] repeats subscription " + SUB_1);
    }

    // --- Missing and malformed fields ---

    static Stream<Arguments> missingFields() {
        return Stream.of(
                Arguments.of("data", (Consumer<PortalSessionEnvelope>) e -> e.data = null),
                Arguments.of("data.id", (Consumer<PortalSessionEnvelope>) e -> e.data.id = null),
                Arguments.of("data.customer_id", (Consumer<PortalSessionEnvelope>) e -> e.data.customerId = null),
                Arguments.of("data.urls", (Consumer<PortalSessionEnvelope>) e -> e.data.urls = null),
                Arguments.of("data.urls.general", (Consumer<PortalSessionEnvelope>) e -> e.data.urls.general = null),
                Arguments.of("data.urls.general.overview", (Consumer<PortalSessionEnvelope>) e -> e.data.urls.general.overview = null),
                Arguments.of("data.created_at", (Consumer<PortalSessionEnvelope>) e -> e.data.createdAt = null),
                Arguments.of("data.urls.subscriptions[0]", (Consumer<PortalSessionEnvelope>) e -> e.data.urls.subscriptions.set(0, null)),
                Arguments.of("data.urls.subscriptions[0].id", (Consumer<PortalSessionEnvelope>) e -> entry(e, 0).id = null),
                Arguments.of("data.urls.subscriptions[0].cancel_subscription",
                        (Consumer<PortalSessionEnvelope>) e -> entry(e, 0).cancelSubscription = null),
                Arguments.of("data.urls.subscriptions[0].update_subscription_payment_method",
                        (Consumer<PortalSessionEnvelope>) e -> entry(e, 0).updateSubscriptionPaymentMethod = null));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("missingFields")
    void missingFieldIsRejectedByName(String field, Consumer<PortalSessionEnvelope> removal) {
        UnexpectedPaddleResponseException e = rejected(single(removal), requestFor(SUB_1), field + " is missing");

        assertThat(e.requestId()).isEqualTo(REQUEST_ID);
    }

    @Test
    void emptyBodyIsRejected() {
        UnexpectedPaddleResponseException e = rejected(null, requestFor(SUB_1), "body is missing");

        assertThat(e.requestId()).isNull();
    }

    @ParameterizedTest
    @CsvSource({
        "25/10/2024 06:53:58",
        "2024-10-25T06:53:58",
        "2024-10-25",
        "''"
    })
    void malformedCreatedAtIsRejected(String createdAt) {
        rejected(single(e -> e.data.createdAt = createdAt), requestFor(SUB_1), "data.created_at", "RFC 3339");
    }

    @ParameterizedTest
    @CsvSource({
        "cpls_123",
        "cpls_01H4GE9R64C22EXJSX0FY8B48B",
        "ctm_01gysfvfy7vqhpzkq8rjmrq7an",
        "''"
    })
    void badSessionIdIsRejected(String id) {
        rejected(single(e -> e.data.id = id), requestFor(SUB_1), "data.id", "portal session ID");
    }

    @Test
    void badSubscriptionIdInAnswerIsRejected() {
        rejected(single(e -> entry(e, 0).id = "sub_123"), requestFor(SUB_1), "data.urls.subscriptions[0].id", "sub_123");
    }
}
