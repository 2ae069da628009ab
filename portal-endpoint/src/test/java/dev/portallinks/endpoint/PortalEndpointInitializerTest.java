package dev.portallinks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The start-up line's address of the endpoint, under a context root and under the root context. */
class PortalEndpointInitializerTest {

    @Test
    void theAddressHasOneSlashBetweenContextAndPathWhateverTheServerWritesForTheRootContext() {
        assertThat(PortalEndpointInitializer.endpointBase("/shop", "portal")).isEqualTo("/shop/portal/");
        assertThat(PortalEndpointInitializer.endpointBase("", "portal")).isEqualTo("/portal/");
        assertThat(PortalEndpointInitializer.endpointBase("/", "api/billing")).isEqualTo("/api/billing/");
    }
}
