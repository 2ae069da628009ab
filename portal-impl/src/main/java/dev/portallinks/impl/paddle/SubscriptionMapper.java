package dev.portallinks.impl.paddle;

import dev.portallinks.api.Amount;
import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PaddleOperation;
import dev.portallinks.api.ScheduledChange;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.api.SubscriptionItem;
import dev.portallinks.api.SubscriptionStatus;
import dev.portallinks.api.SubscriptionSummary;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns one page of Paddle's subscription listing into {@link SubscriptionSummary} values, checking that each
 * belongs to the customer asked about, and reads the cursor of the next page. Thread-safe, stateless.
 */
public final class SubscriptionMapper {

    /**
     * Maps a page.
     *
     * @param page Paddle's answer, may be null (empty body)
     * @param customer the customer that was asked about
     * @return the summaries, in Paddle's order
     * @throws dev.portallinks.api.UnexpectedPaddleResponseException if a field is missing or a subscription belongs to someone else
     */
    public List<SubscriptionSummary> toSummaries(SubscriptionListEnvelope page, CustomerId customer) {
        ResponseReader reader = reader(page);
        reader.required("body", page);
        List<SubscriptionListEnvelope.Subscription> data = reader.required("data", page.data);
        List<SubscriptionSummary> summaries = new ArrayList<>(data.size());
        for (int i = 0; i < data.size(); i++) {
            summaries.add(toSummary(reader, "data[" + i + "]", reader.required("data[" + i + "]", data.get(i)), customer));
        }
        return summaries;
    }

    /**
     * Returns the cursor for the next page: the {@code after} parameter of {@code meta.pagination.next}. Only the
     * cursor is taken from Paddle's URL; the request goes to the configured base URL, never to a host named in
     * an answer.
     *
     * @param page Paddle's answer, not null
     * @return the cursor, or null when this is the last page
     * @throws dev.portallinks.api.UnexpectedPaddleResponseException if Paddle says there is more but gives no cursor
     */
    public String nextCursor(SubscriptionListEnvelope page) {
        ResponseReader reader = reader(page);
        PaddleMeta.Pagination pagination = page.meta == null ? null : page.meta.pagination;
        if (pagination == null || !pagination.hasMore) {
            return null;
        }
        String next = reader.required("meta.pagination.next", pagination.next);
        try {
            String query = new URI(next).getRawQuery();
            if (query != null) {
                for (String pair : query.split("&")) {
                    if (pair.startsWith("after=") && pair.length() > "after=".length()) {
                        return URLDecoder.decode(pair.substring("after=".length()), StandardCharsets.UTF_8);
                    }
                }
            }
        } catch (URISyntaxException malformed) {
            throw reader.fail("meta.pagination.next is not a valid URL: " + next);
        }
        throw reader.fail("meta.pagination.next has no after= cursor although has_more is true: " + next);
    }

    private static ResponseReader reader(SubscriptionListEnvelope page) {
        return new ResponseReader(PaddleOperation.LIST_SUBSCRIPTIONS, page == null || page.meta == null ? null : page.meta.requestId);
    }

    private static SubscriptionSummary toSummary(ResponseReader reader, String field, SubscriptionListEnvelope.Subscription subscription,
            CustomerId customer) {
        SubscriptionId id = reader.convert(field + ".id", subscription.id, SubscriptionId::of);
        CustomerId owner = reader.convert(field + ".customer_id", subscription.customerId, CustomerId::of);
        if (!owner.equals(customer)) {
            throw reader.fail(field + " (" + id + ") belongs to customer " + owner + ", not to " + customer);
        }
        SubscriptionStatus status = SubscriptionStatus.fromPaddleName(reader.required(field + ".status", subscription.status));
        String currency = reader.convert(field + ".currency_code", subscription.currencyCode, code -> new Amount(0, code).currencyCode());
        List<SubscriptionItem> items = new ArrayList<>();
        List<SubscriptionListEnvelope.Item> wireItems = subscription.items == null ? List.of() : subscription.items;
        for (int i = 0; i < wireItems.size(); i++) {
            items.add(toItem(reader, field + ".items[" + i + "]", reader.required(field + ".items[" + i + "]", wireItems.get(i))));
        }
        return new SubscriptionSummary(id, owner, status,
                subscription.nextBilledAt == null ? null : reader.instant(field + ".next_billed_at", subscription.nextBilledAt), currency, items,
                toScheduledChange(reader, field + ".scheduled_change", subscription.scheduledChange));
    }

    private static ScheduledChange toScheduledChange(ResponseReader reader, String field, SubscriptionListEnvelope.ScheduledChange change) {
        if (change == null) {
            return null;
        }
        return new ScheduledChange(ScheduledChange.Action.fromPaddleName(reader.required(field + ".action", change.action)),
                reader.instant(field + ".effective_at", reader.required(field + ".effective_at", change.effectiveAt)));
    }

    private static SubscriptionItem toItem(ResponseReader reader, String field, SubscriptionListEnvelope.Item item) {
        SubscriptionListEnvelope.Product product = reader.required(field + ".product", item.product);
        String productName = reader.required(field + ".product.name", product.name);
        SubscriptionListEnvelope.Price price = item.price;
        String priceName = price == null ? null : (price.name != null ? price.name : price.description);
        Amount unitPrice = null;
        if (price != null && price.unitPrice != null) {
            SubscriptionListEnvelope.Money money = price.unitPrice;
            String currency = reader.required(field + ".price.unit_price.currency_code", money.currencyCode);
            unitPrice = reader.convert(field + ".price.unit_price.amount", money.amount, amount -> new Amount(Long.parseLong(amount), currency));
        }
        int quantity = item.quantity == null ? 1 : item.quantity;
        if (quantity < 0) {
            throw reader.fail(field + ".quantity is negative: " + quantity);
        }
        return new SubscriptionItem(productName, priceName, quantity, item.recurring == null || item.recurring, unitPrice);
    }
}
