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

}
