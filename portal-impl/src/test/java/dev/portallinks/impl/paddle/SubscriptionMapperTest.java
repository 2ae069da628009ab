package dev.portallinks.impl.paddle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.portallinks.api.Amount;
import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.ScheduledChange;
import dev.portallinks.api.SubscriptionItem;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import dev.portallinks.api.UnexpectedPaddleResponseException;
import jakarta.json.bind.JsonbException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// Paddle's subscription listing through JSON-B and SubscriptionMapper: summaries, ownership check, pagination cursor.
class SubscriptionMapperTest {

    private static final String LIST_DEFAULT = "python-sdk__subscriptions__response_list_default.json";
    private static final String LIST_REQUEST_ID = "f2b0c0e5-3025-4707-ae47-533acccef824";

    /** The customer of the first three subscriptions in list_default. */
    private static final CustomerId CUSTOMER = CustomerId.of("ctm_01hp462x4578nc20acj9g956yy");
    /** list_default is an unfiltered listing: its fourth subscription belongs to this other customer. */
    private static final CustomerId FOURTH_OWNER = CustomerId.of("ctm_01hn0ep74khzb1rx3v7g1bkxy1");

    /** The customer of the two-page pattern (the customer of Paddle's paginated payment-methods fixture). */
    private static final CustomerId PAGED_CUSTOMER = CustomerId.of("ctm_01hv6y1jedq4p1n0yqn5ba3ky4");

    private final SubscriptionMapper mapper = new SubscriptionMapper();

    private static SubscriptionListEnvelope listDefault() {
        return PaddleFixtures.read(LIST_DEFAULT, SubscriptionListEnvelope.class);
    }

    /** list_default as Paddle answers {@code GET /subscriptions?customer_id=CUSTOMER}: every subscription is the customer's. */
    private static SubscriptionListEnvelope listDefaultForOneCustomer() {
        SubscriptionListEnvelope page = listDefault();
        page.data.get(3).customerId = CUSTOMER.value();
        return page;
    }

    private static SubscriptionListEnvelope parse(String json) {
        return PaddleFixtures.JSONB.fromJson(json, SubscriptionListEnvelope.class);
    }

    private static UnexpectedPaddleResponseException rejected(Runnable mapping, String... expectedInMessage) {
        UnexpectedPaddleResponseException e = catchThrowableOfType(UnexpectedPaddleResponseException.class, mapping::run);
        assertThat(e).as("the page must be rejected").isNotNull();
        assertThat(e.operation()).isEqualTo(PaddleOperation.LIST_SUBSCRIPTIONS);
        assertThat(e.getMessage()).contains(expectedInMessage);
        return e;
    }

    // --- list_default ---

    @Test
    void listDefaultIsReadThroughJsonb() {
        SubscriptionListEnvelope page = listDefault();

        assertThat(page.data).hasSize(4);
        assertThat(page.meta.requestId).isEqualTo(LIST_REQUEST_ID);
        assertThat(page.meta.pagination.perPage).isEqualTo(50);
        assertThat(page.meta.pagination.hasMore).isFalse();
        assertThat(page.meta.pagination.estimatedTotal).isEqualTo(4);
        assertThat(page.meta.pagination.next).isEqualTo("https://api.paddle.com/subscriptions?after=sub_01hn0epy6nc46wt9hw92pp2kmt");
        assertThat(page.data.get(1).items.get(1).price.name).isNull();
        assertThat(page.data.get(1).items.get(1).price.description).isEqualTo("Monthly (recurring addon)");
    }

    @Test
    void listDefaultMapsToSummaries() {
        List<SubscriptionSummary> summaries = mapper.toSummaries(listDefaultForOneCustomer(), CUSTOMER);

        assertThat(summaries).extracting(s -> s.id().value()).containsExactly("sub_01hp4894h0dpdrfk9dx775gny7",
                "sub_01hp46z4qkjs68yfsnv0hs2sd2", "sub_01hp463gxfvndqjjyqn2n7tkth", "sub_01hn0epy6nc46wt9hw92pp2kmt");
        assertThat(summaries).extracting(SubscriptionSummary::status).containsExactly(SubscriptionStatus.TRIALING, SubscriptionStatus.CANCELED,
                SubscriptionStatus.ACTIVE, SubscriptionStatus.ACTIVE);
        assertThat(summaries).extracting(SubscriptionSummary::customer).containsOnly(CUSTOMER);
        assertThat(summaries).extracting(SubscriptionSummary::currencyCode).containsOnly("USD");
        assertThat(summaries).extracting(SubscriptionSummary::productNames).containsOnly(List.of("ChatApp Pro"));
        assertThat(summaries).extracting(SubscriptionSummary::nextBilledAt).containsExactly(Instant.parse("2024-02-22T11:40:06.048Z"), null,
                Instant.parse("2025-02-08T11:15:15.565Z"), null);
        assertThat(summaries).extracting(SubscriptionSummary::recurringSubtotal).containsExactly(Optional.of(new Amount(30_000, "USD")),
                Optional.of(new Amount(40_000, "USD")), Optional.of(new Amount(4_250_000, "USD")), Optional.of(new Amount(40_000, "USD")));
    }

    @Test
    void listDefaultKeepsTheChangePaddleScheduled() {
        List<SubscriptionSummary> summaries = mapper.toSummaries(listDefaultForOneCustomer(), CUSTOMER);

        assertThat(summaries).extracting(SubscriptionSummary::pendingChange).containsExactly(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new ScheduledChange(ScheduledChange.Action.PAUSE, Instant.parse("2024-02-25T16:32:41.247Z"))));
        assertThat(summaries).noneMatch(SubscriptionSummary::cancellationScheduled);
    }

    @Test
    void aScheduledCancellationIsMapped() {
        SubscriptionListEnvelope page = listDefaultForOneCustomer();
        page.data.get(3).scheduledChange.action = "cancel";

        SubscriptionSummary summary = mapper.toSummaries(page, CUSTOMER).get(3);

        assertThat(summary.cancellationScheduled()).isTrue();
        assertThat(summary.scheduledChange().effectiveAt()).isEqualTo(Instant.parse("2024-02-25T16:32:41.247Z"));
    }

    @Test
    void aScheduledChangeWithoutActionOrDateIsRejectedByName() {
        rejectedWith(p -> p.data.get(0).scheduledChange = new SubscriptionListEnvelope.ScheduledChange(), "data[0].scheduled_change.action is missing");
    }

    @Test
    void aScheduledChangeWithAMalformedDateIsRejectedByName() {
        rejectedWith(p -> {
            p.data.get(0).scheduledChange = new SubscriptionListEnvelope.ScheduledChange();
            p.data.get(0).scheduledChange.action = "cancel";
            p.data.get(0).scheduledChange.effectiveAt = "end of month";
        }, "data[0].scheduled_change.effective_at", "RFC 3339");
    }

    @Test
    void listDefaultItemsKeepQuantityPriceAndPriceName() {
        SubscriptionSummary canceled = mapper.toSummaries(listDefaultForOneCustomer(), CUSTOMER).get(1);

        assertThat(canceled.items()).containsExactly(
                new SubscriptionItem("ChatApp Pro", "Monthly (per seat)", 10, true, new Amount(3000, "USD")),
                new SubscriptionItem("ChatApp Pro", "Monthly (recurring addon)", 1, true, new Amount(10_000, "USD")));
    }

    @Test
    void listDefaultAsPaddleSentItIsRejectedBecauseItsFourthSubscriptionIsAnotherCustomers() {
        rejected(() -> mapper.toSummaries(listDefault(), CUSTOMER), "data[3]", "sub_01hn0epy6nc46wt9hw92pp2kmt",
                "belongs to customer " + FOURTH_OWNER, "not to " + CUSTOMER);
    }

    @Test
    void listDefaultHasNoNextCursorAlthoughNextIsPresent() {
        SubscriptionListEnvelope page = listDefault();

        assertThat(page.meta.pagination.next).isNotNull();
        assertThat(mapper.nextCursor(page)).isNull();
    }

    // --- Two pages, modelled on Paddle's paginated payment-methods fixtures ---

    private static String subscription(String id, String customer, String status) {
        return """
                {
                  "id": "%s",
                  "status": "%s",
                  "customer_id": "%s",
                  "currency_code": "EUR",
                  "next_billed_at": "2024-06-03T11:50:23.422Z",
                  "items": [
                    {
                      "status": "active",
                      "quantity": 2,
                      "recurring": true,
                      "price": {"name": "Monthly", "description": "Monthly plan", "unit_price": {"amount": "1250", "currency_code": "EUR"}},
                      "product": {"id": "pro_01gsz4t5hdjse780zja8vvr7jg", "name": "Plan"}
                    }
                  ]
                }""".formatted(id, status, customer);
    }

    private static String page(String next, boolean hasMore, String... subscriptions) {
        return """
                {
                  "data": [%s],
                  "meta": {
                    "request_id": "f831dd0b-150d-41c8-a952-5f8f84dbdcee",
                    "pagination": {
                      "per_page": 2,
                      %s
                      "has_more": %s,
                      "estimated_total": 4
                    }
                  }
                }""".formatted(String.join(",", subscriptions), next == null ? "" : "\"next\": \"" + next + "\",", hasMore);
    }

    private static String pageOne(String next) {
        return page(next, true, subscription("sub_01hs8zx6x377xfsfrt2bqsevbw", PAGED_CUSTOMER.value(), "active"),
                subscription("sub_02hs8zx6x377xfsfrt2bqsevbw", PAGED_CUSTOMER.value(), "past_due"));
    }

    private static String pageTwo() {
        return page("https://sandbox-api.paddle.com/subscriptions?customer_id=ctm_01hv6y1jedq4p1n0yqn5ba3ky4&after=sub_04hs8zx6x377xfsfrt2bqsevbw",
                false, subscription("sub_03hs8zx6x377xfsfrt2bqsevbw", PAGED_CUSTOMER.value(), "paused"),
                subscription("sub_04hs8zx6x377xfsfrt2bqsevbw", PAGED_CUSTOMER.value(), "canceled"));
    }

    @Test
    void twoPagesGiveOneCursorThenNone() {
        SubscriptionListEnvelope one = parse(pageOne("https://sandbox-api.paddle.com/subscriptions?after=sub_02hs8zx6x377xfsfrt2bqsevbw"));
        SubscriptionListEnvelope two = parse(pageTwo());

        assertThat(mapper.nextCursor(one)).isEqualTo("sub_02hs8zx6x377xfsfrt2bqsevbw");
        assertThat(mapper.nextCursor(two)).isNull();
        assertThat(mapper.toSummaries(one, PAGED_CUSTOMER)).extracting(s -> s.id().value(), SubscriptionSummary::status)
                .containsExactly(tuple("sub_01hs8zx6x377xfsfrt2bqsevbw", SubscriptionStatus.ACTIVE),
                        tuple("sub_02hs8zx6x377xfsfrt2bqsevbw", SubscriptionStatus.PAST_DUE));
        assertThat(mapper.toSummaries(two, PAGED_CUSTOMER)).extracting(SubscriptionSummary::status)
                .containsExactly(SubscriptionStatus.PAUSED, SubscriptionStatus.CANCELED);
        assertThat(mapper.toSummaries(one, PAGED_CUSTOMER).get(0).recurringSubtotal()).contains(new Amount(2500, "EUR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://sandbox-api.paddle.com/subscriptions?customer_id=ctm_01hv6y1jedq4p1n0yqn5ba3ky4&after=sub_02hs8zx6x377xfsfrt2bqsevbw&per_page=2",
        "https://evil.example/steal?after=sub_02hs8zx6x377xfsfrt2bqsevbw",
        "http://127.0.0.1:1/elsewhere?after=sub_02hs8zx6x377xfsfrt2bqsevbw#fragment",
        "/subscriptions?after=sub%5F02hs8zx6x377xfsfrt2bqsevbw"
    })
    void onlyTheCursorIsTakenFromNextWhateverHostItNames(String next) {
        assertThat(mapper.nextCursor(parse(pageOne(next)))).isEqualTo("sub_02hs8zx6x377xfsfrt2bqsevbw");
    }

    @Test
    void hasMoreWithoutNextIsRejected() {
        SubscriptionListEnvelope page = parse(pageOne(null));

        UnexpectedPaddleResponseException e = rejected(() -> mapper.nextCursor(page), "meta.pagination.next is missing");

        assertThat(e.requestId()).isEqualTo("f831dd0b-150d-41c8-a952-5f8f84dbdcee");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://sandbox-api.paddle.com/subscriptions",
        "https://sandbox-api.paddle.com/subscriptions?after=",
        "https://sandbox-api.paddle.com/subscriptions?before=sub_02hs8zx6x377xfsfrt2bqsevbw"
    })
    void hasMoreWithoutCursorInNextIsRejected(String next) {
        rejected(() -> mapper.nextCursor(parse(pageOne(next))), "meta.pagination.next has no after= cursor");
    }

    @Test
    void hasMoreWithMalformedNextIsRejected() {
        rejected(() -> mapper.nextCursor(parse(pageOne("https://sandbox-api.paddle.com/sub scriptions?after=x"))),
                "meta.pagination.next is not a valid URL");
    }

    @Test
    void pageWithoutPaginationIsTheLastPage() {
        SubscriptionListEnvelope page = parse("{\"data\": [], \"meta\": {\"request_id\": \"r\"}}");

        assertThat(mapper.nextCursor(page)).isNull();
        assertThat(mapper.toSummaries(page, PAGED_CUSTOMER)).isEmpty();
    }

    // --- Ownership and robustness ---

    @Test
    void subscriptionOfAnotherCustomerIsRejectedByName() {
        String json = page(null, false, subscription("sub_01hs8zx6x377xfsfrt2bqsevbw", PAGED_CUSTOMER.value(), "active"),
                subscription("sub_02hs8zx6x377xfsfrt2bqsevbw", CUSTOMER.value(), "active"));

        UnexpectedPaddleResponseException e = rejected(() -> mapper.toSummaries(parse(json), PAGED_CUSTOMER),
                "data[1] (sub_02hs8zx6x377xfsfrt2bqsevbw) belongs to customer " + CUSTOMER, "not to " + PAGED_CUSTOMER);

        assertThat(e.requestId()).isEqualTo("f831dd0b-150d-41c8-a952-5f8f84dbdcee");
    }

    @Test
    void unknownFieldsAndAnUnknownStatusAreTolerated() {
        String json = """
                {
                  "data": [
                    {
                      "id": "sub_01hs8zx6x377xfsfrt2bqsevbw",
                      "status": "future_status",
                      "customer_id": "ctm_01hv6y1jedq4p1n0yqn5ba3ky4",
                      "currency_code": "GBP",
                      "next_billed_at": null,
                      "a_field_paddle_adds_later": {"nested": [1, 2, {"deep": true}]},
                      "items": [
                        {
                          "quantity": 3,
                          "recurring": false,
                          "new_item_field": "x",
                          "price": {"description": "Setup fee", "unit_price": {"amount": "500", "currency_code": "GBP"}, "extra": 1},
                          "product": {"name": "Setup", "brand_new": null}
                        }
                      ]
                    }
                  ],
                  "meta": {"request_id": "r1", "pagination": {"per_page": 50, "has_more": false, "new_meta": "y"}},
                  "top_level_extra": [true]
                }""";

        List<SubscriptionSummary> summaries = mapper.toSummaries(parse(json), PAGED_CUSTOMER);

        assertThat(summaries).hasSize(1);
        SubscriptionSummary summary = summaries.get(0);
        assertThat(summary.status()).isEqualTo(SubscriptionStatus.UNKNOWN);
        assertThat(summary.nextBilledAt()).isNull();
        assertThat(summary.items()).containsExactly(new SubscriptionItem("Setup", "Setup fee", 3, false, new Amount(500, "GBP")));
        assertThat(summary.recurringSubtotal()).contains(new Amount(0, "GBP"));
    }

    @Test
    void missingQuantityAndRecurringDefaultToOneAndTrue() {
        SubscriptionListEnvelope page = parse(pageOne("https://sandbox-api.paddle.com/subscriptions?after=a"));
        page.data.get(0).items.get(0).quantity = null;
        page.data.get(0).items.get(0).recurring = null;

        SubscriptionItem item = mapper.toSummaries(page, PAGED_CUSTOMER).get(0).items().get(0);

        assertThat(item.quantity()).isEqualTo(1);
        assertThat(item.recurring()).isTrue();
    }

    private void rejectedWith(Consumer<SubscriptionListEnvelope> change, String... expectedInMessage) {
        SubscriptionListEnvelope page = parse(pageOne("https://sandbox-api.paddle.com/subscriptions?after=a"));
        change.accept(page);
        rejected(() -> mapper.toSummaries(page, PAGED_CUSTOMER), expectedInMessage);
    }

    @Test
    void missingOrMalformedFieldsAreRejectedByName() {
        rejectedWith(p -> p.data = null, "data is missing");
        rejectedWith(p -> p.data.set(1, null), "data[1] is missing");
        rejectedWith(p -> p.data.get(0).id = "sub_123", "data[0].id", "sub_123");
        rejectedWith(p -> p.data.get(0).customerId = null, "data[0].customer_id is missing");
        rejectedWith(p -> p.data.get(0).status = null, "data[0].status is missing");
        rejectedWith(p -> p.data.get(0).currencyCode = null, "data[0].currency_code is missing");
        rejectedWith(p -> p.data.get(0).nextBilledAt = "next tuesday", "data[0].next_billed_at", "RFC 3339");
        rejectedWith(p -> p.data.get(0).items.get(0).product = null, "data[0].items[0].product is missing");
        rejectedWith(p -> p.data.get(0).items.get(0).product.name = null, "data[0].items[0].product.name is missing");
        rejectedWith(p -> p.data.get(0).items.get(0).price.unitPrice.amount = "12.50", "data[0].items[0].price.unit_price.amount");
        rejectedWith(p -> p.data.get(0).items.get(0).price.unitPrice.currencyCode = "eur", "data[0].items[0].price.unit_price.amount",
                "currency code");
        rejectedWith(p -> p.data.get(0).items.get(0).quantity = -1, "data[0].items[0].quantity is negative");
    }

    @Test
    void malformedSubscriptionCurrencyIsRejectedByName() {
        // Otherwise SubscriptionSummary.recurringSubtotal() would throw IllegalArgumentException in the caller's page.
        rejectedWith(p -> p.data.get(0).currencyCode = "euro", "data[0].currency_code", "euro");
    }

    @Test
    void emptyBodyIsRejected() {
        rejected(() -> mapper.toSummaries(null, PAGED_CUSTOMER), "body is missing");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\": [",
        "<html><body>502 Bad Gateway</body></html>",
        "{\"data\": \"not a list\"}",
        "{\"data\": [{\"items\": 5}]}",
        "{\"data\": [], \"meta\": {\"pagination\": {\"per_page\": \"fifty\"}}}"
    })
    void garbageIsAJsonbException(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(JsonbException.class);
    }
}
