package dev.portallinks.demo.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import dev.portallinks.faces.it.Browser;
import dev.portallinks.it.PaddleStub;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The demo started the way an external test harness starts it: only environment variables (PADDLE_API_KEY,
 * PADDLE_BASE_URL, PADDLE_PORTAL_ALLOWED_ORIGINS, PORTAL_DEMO_CUSTOMER_ID) point it at another Paddle-compatible
 * server, here WireMock. The page then lists that server's subscriptions and a click lands on its portal link;
 * the embedded simulator is not used.
 */
class DemoAgainstStubPaddleIT {

    private static final String DEMO = System.getProperty("demo.stub.url", "http://localhost:9080/");
    private static final String KEY = "pdl_sdbx_apikey_01jdemoharnesskey000000000_StubOnly";
    private static final String CUSTOMER = PaddleStub.CUSTOMER;

    @RegisterExtension
    static final WireMockExtension PADDLE = PaddleStub.extension();

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static String subscriptions() {
        StringBuilder data = new StringBuilder();
        for (int i = 0; i < 2; i++) {
            data.append(i == 0 ? "" : ",").append("{\"id\":\"").append(PaddleStub.subscription(i)).append("\",\"status\":\"active\",\"customer_id\":\"")
                    .append(CUSTOMER).append("\",\"currency_code\":\"EUR\",\"next_billed_at\":\"2030-01-15T00:00:00Z\",\"items\":[{\"quantity\":1,")
                    .append("\"recurring\":true,\"price\":{\"name\":\"Monthly\",\"unit_price\":{\"amount\":\"4900\",\"currency_code\":\"EUR\"}},")
                    .append("\"product\":{\"name\":\"Stub Product ").append(i).append("\"}}]}");
        }
        return "{\"data\":[" + data + "],\"meta\":{\"request_id\":\"stub-list\",\"pagination\":{\"per_page\":200,\"next\":\"" + PaddleStub.origin()
                + "/subscriptions?after=" + PaddleStub.subscription(1) + "\",\"has_more\":false,\"estimated_total\":2}}}";
    }

    @Test
    void listsTheStubsSubscriptionsAndOpensItsPortalLink() {
        PADDLE.stubFor(get(urlPathEqualTo("/subscriptions")).willReturn(PaddleStub.json(200, subscriptions())));
        PADDLE.stubFor(post("/customers/" + CUSTOMER + "/portal-sessions")
                .willReturn(PaddleStub.created(PaddleStub.portalSessionBody(CUSTOMER, List.of(PaddleStub.subscription(1))))));
        PADDLE.stubFor(get(urlPathMatching("/cpl_.*")).willReturn(aResponse().withHeader("Content-Type", "text/html")
                .withBody("<html><body><h1 id=\"portal\">Stub portal</h1></body></html>")));
        WebDriver browser = BROWSER.driver();

        browser.get(DEMO + "?lang=en");
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("title")));

        assertThat(browser.findElements(By.cssSelector("li.pl-billing__row"))).hasSize(2);
        assertThat(browser.findElement(By.id("account:subscriptions:1:label")).getText()).contains("Stub Product 1");
        assertThat(browser.findElements(By.id("simulator-note"))).isEmpty();
        PADDLE.verify(getRequestedFor(urlPathEqualTo("/subscriptions")).withQueryParam("customer_id", equalTo(CUSTOMER))
                .withHeader("Authorization", equalTo("Bearer " + KEY)));

        browser.findElement(By.id("account:subscriptions:1:cancel")).click();
        new WebDriverWait(browser, Duration.ofSeconds(15)).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));

        assertThat(browser.getCurrentUrl()).startsWith(PaddleStub.origin() + PaddleStub.PORTAL_PATH)
                .contains("subscription_id=" + PaddleStub.subscription(1));
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo("/customers/" + CUSTOMER + "/portal-sessions"))
                .withRequestBody(equalToJson("{\"subscription_ids\":[\"" + PaddleStub.subscription(1) + "\"]}")));
    }
}
