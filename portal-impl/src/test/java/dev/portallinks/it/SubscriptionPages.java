package dev.portallinks.it;

import java.util.List;
import java.util.stream.Collectors;

/** Pages of Paddle's {@code GET /subscriptions}, shaped like python-sdk__subscriptions__response_list_default.json. */
final class SubscriptionPages {

    private SubscriptionPages() {
    }

    /**
     * One page.
     *
     * @param customer the owner of the subscriptions
     * @param indexes which {@link PaddleStub#subscription(int)} IDs the page holds
     * @param nextCursor the cursor of the next page, or null for the last page
     * @return the JSON body
     */
    static String page(String customer, List<Integer> indexes, String nextCursor) {
        String data = indexes.stream().map(i -> "{\"id\":\"" + PaddleStub.subscription(i) + "\",\"status\":\"" + (i % 2 == 0 ? "active" : "past_due")
                + "\",\"customer_id\":\"" + customer + "\",\"currency_code\":\"USD\",\"next_billed_at\":\"2024-12-12T15:26:23.357178Z\","
                + "\"unknown_field\":{\"ignored\":true},\"items\":[{\"status\":\"active\",\"quantity\":2,\"recurring\":true,"
                + "\"price\":{\"id\":\"pri_01gsz8x8sawmvhz1pv30nge1ke\",\"name\":\"Monthly (per seat)\",\"unit_price\":{\"amount\":\"3000\","
                + "\"currency_code\":\"USD\"}},\"product\":{\"id\":\"pro_01gsz4t5hdjse780zja8vvr7jg\",\"name\":\"AeroEdit Pro " + i + "\"}}]}")
                .collect(Collectors.joining(","));
        // Paddle sends "next" even on the last page; its host is never used, only the cursor.
        String next = "https://api.paddle.com/subscriptions?after=" + (nextCursor == null ? "sub_last" : nextCursor);
        return "{\"data\":[" + data + "],\"meta\":{\"request_id\":\"it-list\",\"pagination\":{\"per_page\":200,\"next\":\"" + next
                + "\",\"has_more\":" + (nextCursor != null) + ",\"estimated_total\":5}}}";
    }
}
