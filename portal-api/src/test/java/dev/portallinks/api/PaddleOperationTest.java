package dev.portallinks.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
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
    void everyOperationNamesOnePermissionInPaddlesFormAndADescriptionOfItsOwn() {
        // A 403 message tells the operator which permission to add to the key: it must be one Paddle's dashboard shows.
        for (PaddleOperation operation : PaddleOperation.values()) {
            assertThat(operation.requiredPermission()).as(operation.name()).matches("[a-z_]+\\.(read|write)");
            assertThat(operation.description()).as(operation.name()).isNotBlank().doesNotEndWith(".");
        }
        assertThat(Arrays.stream(PaddleOperation.values()).map(PaddleOperation::description).distinct())
                .hasSize(PaddleOperation.values().length);
    }
}
