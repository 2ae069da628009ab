package dev.portallinks.endpoint;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.inject.spi.DeploymentException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

// The deployment check: with the endpoint on, exactly one resolver and one service, or a message naming the interface.
// (The ITs deploy a WAR without a resolver on each server and find the message in the server's log.)
class PortalEndpointExtensionTest {

    private static final String RESOLVER = "com.example.AccountCustomerResolver";
    private static final String SERVICE = "dev.portallinks.impl.DefaultPortalLinkService";

    private static final EndpointSettings ON = EndpointSettings.read(name -> Optional.empty());
    private static final EndpointSettings OFF = EndpointSettings.read(name -> Optional.ofNullable(Map.of(EndpointSettings.ENABLED, "false").get(name)));

    private static List<String> messages(EndpointSettings settings, List<String> resolvers, List<String> services) {
        return PortalEndpointExtension.problems(settings, resolvers, services).stream().map(DeploymentException::getMessage).toList();
    }

    @Test
    void oneResolverAndOneServiceDeploy() {
        assertThat(messages(ON, List.of(RESOLVER), List.of(SERVICE))).isEmpty();
    }

    @Test
    void noResolverFailsTheDeploymentNamingTheInterface() {
        assertThat(messages(ON, List.of(), List.of(SERVICE))).singleElement().asString()
                .contains("no CDI bean implements dev.portallinks.endpoint.PortalCustomerResolver", "portal.endpoint.enabled=false");
    }

    @Test
    void twoResolversFailTheDeploymentNamingThem() {
        assertThat(messages(ON, List.of("a.First", "b.Second"), List.of(SERVICE))).singleElement().asString()
                .contains("more than one CDI bean implements dev.portallinks.endpoint.PortalCustomerResolver [a.First, b.Second]");
    }

    @Test
    void noServiceFailsTheDeploymentNamingTheLibrary() {
        assertThat(messages(ON, List.of(RESOLVER), List.of())).singleElement().asString()
                .contains("no CDI bean implements dev.portallinks.api.PortalLinkService", "dev.portallinks:portal-impl");
    }

    @Test
    void twoServicesFailTheDeploymentNamingThem() {
        assertThat(messages(ON, List.of(RESOLVER), List.of(SERVICE, "com.example.OtherService"))).singleElement().asString()
                .contains("more than one CDI bean implements dev.portallinks.api.PortalLinkService [" + SERVICE + ", com.example.OtherService]");
    }

    @Test
    void everyMissingBeanIsReportedAtOnce() {
        assertThat(messages(ON, List.of(), List.of())).hasSize(2);
    }

    @Test
    void anEndpointThatIsOffNeedsNeither() {
        assertThat(messages(OFF, List.of(), List.of())).isEmpty();
    }
}
