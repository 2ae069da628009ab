package dev.portallinks.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The demo as README starts it (the portal-demo WAR, its server.xml, no configuration: the embedded Paddle
 * simulator), in headless Chromium: the billing page lists all seven subscriptions across the simulator's pages,
 * a click lands on the simulated portal for the right subscription, simulator failures become a friendly message,
 * and health and metrics answer.
 */
class DemoIT {

    @RegisterExtension
    static final DemoServer DEMO = new DemoServer();

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(By.cssSelector("li.pl-billing__row"));
    }

    @Test
    void billingPageListsAllSevenSubscriptions() throws IOException {
        WebDriver browser = DEMO.open("?lang=en");
        browser.manage().window().setSize(new Dimension(1100, 1250));

        assertThat(rows(browser)).hasSize(7);
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Billing");
        assertThat(rows(browser).get(4).getText()).contains("Hangar Storage", "Active", "$135.00");
        assertThat(rows(browser).get(6).getText()).contains("AeroEdit Basic", "Canceled", "Not billed again");
        assertThat(browser.findElement(By.id("account:subscriptions:overview")).getText()).isEqualTo("Manage billing");
        assertThat(browser.getPageSource()).doesNotContain("token=", "pdl_sdbx_apikey_");

        DemoServer.saveForReadme(DEMO.screenshot("billing-page"), "billing-page.png");
    }

    @Test
    void cancelOnTheFifthSubscriptionOpensItInTheSimulatedPortal() {
        WebDriver browser = DEMO.open("?lang=en");
        String fifth = rows(browser).get(4).getAttribute("data-subscription");

        browser.findElement(By.id("account:subscriptions:4:cancel")).click();

        DemoServer.waitFor(browser).until(ExpectedConditions.textToBe(By.id("portal-title"), "Cancel subscription"));
        assertThat(browser.findElement(By.id("portal-subscription")).getText()).isEqualTo(fifth);
        assertThat(browser.findElement(By.id("portal-action")).getText()).isEqualTo("cancel_subscription");
        assertThat(browser.findElement(By.id("portal-customer")).getText()).startsWith("ctm_");
        browser.findElement(By.id("back")).click();
        DemoServer.waitFor(browser).until(ExpectedConditions.textToBe(By.id("title"), "Billing"));
    }

    @Test
    void aPaddleOutageLeavesTheListedPageAndAClickGetsAFriendlyMessage() {
        // Listed once while Paddle answers: the subscription store then serves the page (README, "What a billing page costs Paddle").
        DEMO.open("?lang=en");
        DemoServer.simulatorMode("SERVER_ERROR");

        WebDriver browser = DEMO.open("?lang=en");
        assertThat(rows(browser)).hasSize(7);
        browser.findElement(By.id("account:subscriptions:2:updatePaymentMethod")).click();

        DemoServer.waitFor(browser).until(ExpectedConditions.textToBePresentInElementLocated(By.id("account:messages"), "cannot be reached"));
        assertThat(browser.getPageSource()).doesNotContain("Exception", "at dev.portallinks");
    }

    @Test
    void cancellingInThePortalShowsOnTheBillingPageWithoutAListingCall() {
        WebDriver browser = DEMO.open("?lang=en");
        String second = rows(browser).get(1).getAttribute("data-subscription");
        long listingsBefore = DemoServer.simulatorListings();

        browser.findElement(By.id("account:subscriptions:1:cancel")).click();
        DemoServer.waitFor(browser).until(ExpectedConditions.textToBe(By.id("portal-title"), "Cancel subscription"));
        browser.findElement(By.id("confirm-cancel")).click();
        DemoServer.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("cancels-on")));
        browser.findElement(By.id("back")).click();
        DemoServer.waitFor(browser).until(ExpectedConditions.textToBe(By.id("title"), "Billing"));

        // The simulated portal notified the demo (signed, as Paddle does): the row says so, and no listing was needed.
        WebElement row = rows(browser).get(1);
        assertThat(row.getAttribute("data-subscription")).isEqualTo(second);
        assertThat(row.getText()).contains("Cancels on");
        assertThat(browser.findElements(By.id("account:subscriptions:1:cancel"))).isEmpty();
        assertThat(DemoServer.simulatorListings()).isEqualTo(listingsBefore);
    }

    @Test
    void aHundredRendersAfterWarmUpCostPaddleNoListing() {
        assertThat(DemoServer.send("GET", "?lang=en").statusCode()).isEqualTo(200);
        long listingsBefore = DemoServer.simulatorListings();

        for (int render = 0; render < 100; render++) {
            HttpResponse<String> page = DemoServer.send("GET", "?lang=en");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("pl-billing__row");
        }

        assertThat(DemoServer.simulatorListings()).isEqualTo(listingsBefore);
    }

    @Test
    void germanPage() {
        WebDriver browser = DEMO.open("?lang=de");

        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Abrechnung");
        assertThat(browser.findElement(By.id("account:subscriptions:0:cancel")).getText()).isEqualTo("Abonnement kündigen");
        DEMO.open("?lang=en");
    }

    @Test
    void narrowScreenNeedsNoHorizontalScrolling() {
        WebDriver browser = DEMO.open("?lang=en");
        browser.manage().window().setSize(new Dimension(375, 800));

        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");

        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        browser.manage().window().setSize(new Dimension(1280, 1024));
    }

    @Test
    void healthAndMetricsAnswer() {
        HttpResponse<String> ready = DemoServer.send("GET", "health/ready");
        HttpResponse<String> live = DemoServer.send("GET", "health/live");
        DEMO.open("?lang=en");
        HttpResponse<String> metrics = DemoServer.send("GET", "metrics");

        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(json(ready.body()).getString("status")).isEqualTo("UP");
        assertThat(live.statusCode()).isEqualTo(200);
        assertThat(json(live.body()).getString("status")).isEqualTo("UP");
        assertThat(metrics.body()).contains("ft_invocations_total", "PaddleGateway");
    }

    private static JsonObject json(String body) {
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }
}
