package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** {@code paddle.portal.links-per-customer-per-minute=0} turns the per-customer limit off: every replayed click reaches Paddle. */
class ReplayedClicksWithoutLimitIT extends FacesIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("replayed-clicks-no-limit", Map.of("paddle.portal.links-per-customer-per-minute", "0"), "billing.xhtml");
    }

    @Test
    void everyReplayedClickReachesPaddle() {
        List<HttpResponse<String>> answers = ReplayedClicksIT.replayOverviewClick(this, CUSTOMER, ReplayedClicksIT.REPLAYS);

        assertThat(answers).allSatisfy(answer -> assertThat(answer.statusCode()).as(answer.body()).isEqualTo(303));
        assertPortalSessions(ReplayedClicksIT.REPLAYS, CUSTOMER);
    }
}
