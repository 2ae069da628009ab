package dev.portallinks.readme;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.api.CustomerId;
import dev.portallinks.api.PortalLinkService;
import dev.portallinks.api.SubscriptionId;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulator.PortalLink;
import dev.portallinks.test.PaddleSimulatorExtension;
import jakarta.inject.Inject;
import java.net.URI;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

@EnableWeld
class CancelLinkTest {

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension();

    @WeldSetup
    WeldInitiator weld = WeldInitiator.of(WeldInitiator.createWeld().enableDiscovery());

    @Inject
    PortalLinkService portal;

    @Test
    void cancelLinkOpensThatSubscriptionsCancelPage() {
        PaddleSimulator paddle = PADDLE.simulator(); // not a parameter: weld-junit5 claims those
        paddle.subscription("ctm_01gysfvfy7vqhpzkq8rjmrq7an", "sub_01h04vsc0qhwtsbsxh3422wjs4");

        URI link = portal.cancelSubscriptionLink(CustomerId.of("ctm_01gysfvfy7vqhpzkq8rjmrq7an"),
                SubscriptionId.of("sub_01h04vsc0qhwtsbsxh3422wjs4"));

        assertThat(paddle.portalLink(link.toString())).contains(
                new PortalLink("ctm_01gysfvfy7vqhpzkq8rjmrq7an", "cancel_subscription", "sub_01h04vsc0qhwtsbsxh3422wjs4"));
        assertThat(paddle.portalSessionsCreated("ctm_01gysfvfy7vqhpzkq8rjmrq7an", "sub_01h04vsc0qhwtsbsxh3422wjs4")).isEqualTo(1);
    }
}
