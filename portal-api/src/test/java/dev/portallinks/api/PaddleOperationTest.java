package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

// Covers PaddleOperation: the description used in messages and the API key permission each call needs.
class PaddleOperationTest {

    @Test
    void createPortalSessionNeedsTheWritePermission() {
        assertThat(PaddleOperation.CREATE_PORTAL_SESSION.description()).isEqualTo("create a customer portal session");
        assertThat(PaddleOperation.CREATE_PORTAL_SESSION.requiredPermission()).isEqualTo("customer_portal_session.write");
    }

    @Test
    void listSubscriptionsNeedsTheReadPermission() {
        assertThat(PaddleOperation.LIST_SUBSCRIPTIONS.description()).isEqualTo("list subscriptions");
        assertThat(PaddleOperation.LIST_SUBSCRIPTIONS.requiredPermission()).isEqualTo("subscription.read");
    }

    @Test
    void thereAreTwoOperations() {
        assertThat(PaddleOperation.values()).containsExactly(PaddleOperation.CREATE_PORTAL_SESSION, PaddleOperation.LIST_SUBSCRIPTIONS);
    }
}
