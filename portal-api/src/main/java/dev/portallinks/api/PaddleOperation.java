package dev.portallinks.api;

/** The Paddle API calls {@link PortalLinkService} makes, and the API key permission each one needs. */
public enum PaddleOperation {

    /** {@code POST /customers/{customer_id}/portal-sessions}. */
    CREATE_PORTAL_SESSION("create a customer portal session", "customer_portal_session.write"),

    /** {@code GET /subscriptions?customer_id=…}. */
    LIST_SUBSCRIPTIONS("list subscriptions", "subscription.read");

    private final String description;
    private final String requiredPermission;

    PaddleOperation(String description, String requiredPermission) {
        this.description = description;
        this.requiredPermission = requiredPermission;
    }

    /**
     * Returns what the call does, in words, for messages.
     *
     * @return the description, never null
     */
    public String description() {
        return description;
    }

    /**
     * Returns the permission the API key needs for this call (Paddle dashboard, Developer tools, Authentication).
     *
     * @return the permission, never null
     */
    public String requiredPermission() {
        return requiredPermission;
    }
}
