package dev.portallinks.readme;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.portallinks.it.TestServer;
import dev.portallinks.test.PaddleSimulator;
import java.io.File;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.stream.Collectors;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * README's example resource and audit observer, deployed as an application ships them, against the Paddle simulator
 * (portal-test): a POST to cancel redirects to that subscription's cancel page, Paddle was asked for a session with
 * exactly it, and the audit log has the link's event.
 */
@ExtendWith(ArquillianExtension.class)
class BillingResourceIT {

    /** Started before Arquillian builds the deployment, which carries its address and key. */
    static final PaddleSimulator PADDLE = PaddleSimulator.start();

    @Deployment(testable = false)
    static WebArchive application() {
        // config_ordinal 500: above the test servers' own PADDLE_BASE_URL (their stub for the other tests).
        String config = "config_ordinal=500\n" + PADDLE.configuration().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue() + "\n")
                .collect(Collectors.joining());
        WebArchive war = ShrinkWrap.create(WebArchive.class, "readme-billing.war")
                .addClasses(BillingResource.class, CurrentAccount.class, BillingApplication.class, PortalAudit.class)
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
                .addAsResource(new StringAsset(config), "META-INF/microprofile-config.properties");
        for (String jar : System.getProperty("it.library.jars").split(",")) {
            war.addAsLibrary(new File(jar));
        }
        return war;
    }

    @ArquillianResource
    URL application;

    @BeforeEach
    void forgetEarlierTests() {
        PADDLE.reset();
    }

    @AfterAll
    static void stopPaddle() {
        PADDLE.close();
    }

    @Test
    void cancelRedirectsToThatSubscriptionsCancelPage() throws Exception {
        PADDLE.subscription(CurrentAccount.CUSTOMER, CurrentAccount.SUBSCRIPTION);
        TestServer.LogMark log = TestServer.logMark();

        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestServer.onLoopback(application)
                + "api/billing/cancel/" + CurrentAccount.SUBSCRIPTION)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(303);
        assertThat(answer.headers().firstValue("Location").orElseThrow()).startsWith(PADDLE.origin() + "/cpl_")
                .contains("action=cancel_subscription&subscription_id=" + CurrentAccount.SUBSCRIPTION);
        assertThat(PADDLE.portalSessionsCreated(CurrentAccount.CUSTOMER, CurrentAccount.SUBSCRIPTION)).isEqualTo(1);
        // README's audit observer wrote the link's event, asynchronously, without the link or its token.
        String audit = await().atMost(Duration.ofSeconds(10)).until(() -> log.textSince().lines().filter(line -> line.contains("PortalLinkIssued["))
                .findFirst().orElse(""), line -> !line.isEmpty());
        assertThat(audit).contains("customer=" + CurrentAccount.CUSTOMER, "action=CANCEL_SUBSCRIPTION", "entryPoint=SERVICE", "fallback=false")
                .doesNotContain("pga_", "token");
    }

    @Test
    void aSubscriptionTheAccountDoesNotOwnIsForbiddenWithoutAskingPaddle() throws Exception {
        HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(TestServer.onLoopback(application)
                + "api/billing/cancel/sub_01h7zcgmdc6tmwtjehp3sh7azf")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.discarding());

        assertThat(answer.statusCode()).isEqualTo(403);
        assertThat(PADDLE.requests()).noneMatch(request -> request.isPortalSession());
    }
}
