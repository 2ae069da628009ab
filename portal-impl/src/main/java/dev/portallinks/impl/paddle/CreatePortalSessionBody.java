package dev.portallinks.impl.paddle;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The request body of {@code POST /customers/{customer_id}/portal-sessions}. */
public class CreatePortalSessionBody {

    /** The subscriptions to create deep links for; empty for the overview only. */
    @JsonbProperty("subscription_ids")
    public List<String> subscriptionIds;

    /** For JSON-B. */
    public CreatePortalSessionBody() {
    }

    /**
     * Creates the body.
     *
     * @param subscriptionIds the IDs, not null
     */
    public CreatePortalSessionBody(List<String> subscriptionIds) {
        this.subscriptionIds = List.copyOf(subscriptionIds);
    }

    /**
     * Writes the body as Paddle reads it, for a transport that must know its length before sending it.
     *
     * @return {@code {"subscription_ids":[…]}}
     * @throws IllegalStateException if an ID is not a validated Paddle ID (letters, digits, {@code _})
     */
    public String toJson() {
        StringBuilder json = new StringBuilder(32 + 34 * subscriptionIds.size()).append("{\"subscription_ids\":[");
        for (int i = 0; i < subscriptionIds.size(); i++) {
            String id = subscriptionIds.get(i);
            // Validated as SubscriptionId before it gets here; checked again since it is written without a JSON library.
            if (!id.chars().allMatch(c -> c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                throw new IllegalStateException("subscription_ids[" + i + "] is not a Paddle ID");
            }
            json.append(i == 0 ? "" : ",").append('"').append(id).append('"');
        }
        return json.append("]}").toString();
    }
}
