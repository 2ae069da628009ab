package dev.portallinks.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.faces.it.Browser;
import dev.portallinks.test.PaddleSimulator;
import dev.portallinks.test.PaddleSimulatorExtension;
import dev.portallinks.test.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo started the way an external test harness starts it: only environment variables (PADDLE_API_KEY,
 * PADDLE_BASE_URL, PADDLE_PORTAL_ALLOWED_ORIGINS, PORTAL_DEMO_CUSTOMER_ID) point it at another Paddle-compatible
 * server, here portal-test's simulator in the test JVM. The page then lists that server's subscriptions and a click
 * lands on its portal page; the demo's embedded simulator is not used.
 */
class DemoAgainstStubPaddleIT {

    private static final String DEMO = System.getProperty("demo.stub.url", "http://localhost:9080/");
    private static final String KEY = "pdl_sdbx_apikey_01jdemoharnesskey000000000_StubOnly";
    private static final String CUSTOMER = "ctm_01gysfvfy7vqhpzkq8rjmrq7an";
    private static final String FIRST = "sub_01h04vsc0qhwtsbsxh3422w000";
    private static final String SECOND = "sub_01h04vsc0qhwtsbsxh3422w001";

    @RegisterExtension
    static final PaddleSimulatorExtension PADDLE = new PaddleSimulatorExtension(
            PaddleSimulator.builder().port(Integer.getInteger("it.paddle.port")).apiKey(KEY));

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @Test
    void listsTheSimulatorsSubscriptionsAndOpensItsPortalLink(PaddleSimulator paddle) {
        paddle.subscription(CUSTOMER, FIRST).product("Stub Product 0").price("Monthly", 4900, "EUR").nextBilledAt(Instant.parse("2030-01-15T00:00:00Z"));
        paddle.subscription(CUSTOMER, SECOND).product("Stub Product 1").price("Monthly", 4900, "EUR").nextBilledAt(Instant.parse("2030-01-15T00:00:00Z"));
        WebDriver browser = BROWSER.driver();

        browser.get(DEMO + "?lang=en");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("title")));

        assertThat(browser.findElements(By.cssSelector("li.pl-billing__row"))).hasSize(2);
        assertThat(browser.findElement(By.id("account:subscriptions:1:label")).getText()).contains("Stub Product 1");
        assertThat(browser.findElements(By.id("simulator-note"))).isEmpty();
        assertThat(paddle.requests()).filteredOn(request -> request.path().equals("/subscriptions")).isNotEmpty()
                .allSatisfy(request -> assertThat(request.query()).contains("customer_id=" + CUSTOMER))
                .allSatisfy(request -> assertThat(request.header("Authorization")).startsWith("Bearer " + KEY.substring(0, 16)));

        browser.findElement(By.id("account:subscriptions:1:cancel")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));

        assertThat(paddle.portalLink(browser.getCurrentUrl())).hasValue(new PaddleSimulator.PortalLink(CUSTOMER, "cancel_subscription", SECOND));
        assertThat(browser.findElement(By.id("subscription")).getText()).isEqualTo(SECOND);
        assertThat(paddle.portalSessionsCreated(CUSTOMER, SECOND)).isEqualTo(1);
        assertThat(paddle.requests()).filteredOn(RecordedRequest::isPortalSession).hasSize(1);
    }
}
