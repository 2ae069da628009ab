package dev.portallinks.faces.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.portallinks.it.PaddleStub.subscription;
import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.it.PaddleStub;
import java.util.List;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * {@code <pl:billingButtons>} and {@code <pl:portalButton>} in headless Chromium on each test server, with the real
 * PortalLinkService against the stub Paddle: rendering, clicks with full post and Faces Ajax, failures, fallback,
 * German labels, stale rows, double clicks, keyboard use.
 */
class BillingButtonsIT extends FacesIT {

    private static final String SESSIONS = "/customers/" + CUSTOMER + "/portal-sessions";

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    private static final List<String> THREE = List.of(subscription(0), subscription(1), subscription(2));

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("billing-buttons", "billing.xhtml", "billing-ajax.xhtml", "billing-de.xhtml", "billing-fallback.xhtml",
                "single-button.xhtml");
    }

    @BeforeEach
    void threeSubscriptions() {
        subscriptions(THREE);
    }

    private WebDriver open(String page) {
        return BROWSER.open(base() + page);
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return Browser.waitFor(browser);
    }

    /** Clicks and waits until the browser is on the stub portal, then returns that URL. */
    private static String clickToPortal(WebDriver browser, String buttonId) {
        browser.findElement(By.id(buttonId)).click();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));
        return browser.getCurrentUrl();
    }

    private static String messages(WebDriver browser) {
        return waitFor(browser).until(driver -> {
            String text = driver.findElement(By.id("form:messages")).getText();
            return text.isBlank() ? null : text;
        });
    }

    @Test
    void rendersOneRowWithoutCallingPaddleOrWritingALink() {
        subscriptions(List.of(subscription(7)));

        WebDriver browser = open("billing.xhtml");

        WebElement cancel = browser.findElement(By.id("form:billing:0:cancel"));
        assertThat(cancel.getTagName()).isEqualTo("button");
        assertThat(cancel.getText()).isEqualTo("Cancel subscription");
        assertThat(cancel.getAttribute("aria-label")).isEqualTo("Cancel subscription: Plan " + subscription(7));
        assertThat(browser.findElement(By.id("form:billing:0:updatePaymentMethod")).getText()).isEqualTo("Update payment method");
        assertThat(browser.findElement(By.id("form:billing:overview")).getText()).isEqualTo("Manage billing");
        assertThat(browser.findElements(By.cssSelector("#form\\:billing li"))).hasSize(1);
        assertThat(browser.getPageSource()).doesNotContain("token=", FacesDeployments.API_KEY, PaddleStub.TOKEN);
        assertThat(PADDLE.getAllServeEvents()).isEmpty();
    }

    @Test
    void rendersTwentyFiveRowsWithoutCallingPaddle() {
        List<String> many = IntStream.range(0, 25).mapToObj(PaddleStub::subscription).toList();
        subscriptions(many);

        WebDriver browser = open("billing.xhtml");

        assertThat(browser.findElements(By.cssSelector("button.pl-button--cancel"))).hasSize(25);
        assertThat(browser.findElement(By.id("form:billing:24:cancel")).getAttribute("aria-label")).endsWith(subscription(24));
        assertThat(browser.getPageSource()).doesNotContain("token=");
        assertThat(PADDLE.getAllServeEvents()).isEmpty();
    }

    @Test
    void cancelWithFullPostLandsOnThatSubscriptionsCancelPage() {
        paddleCreates(List.of(subscription(2)));

        String landed = clickToPortal(open("billing.xhtml"), "form:billing:2:cancel");

        assertThat(landed).startsWith(PaddleStub.link("cancel_subscription", subscription(2)).split("&token=")[0]);
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)).withHeader("Authorization", equalTo("Bearer " + FacesDeployments.API_KEY))
                .withRequestBody(equalToJson("{\"subscription_ids\":[\"" + subscription(2) + "\"]}")));
    }

    @Test
    void updatePaymentMethodWithFullPostLandsOnThePaymentForm() {
        paddleCreates(List.of(subscription(1)));

        String landed = clickToPortal(open("billing.xhtml"), "form:billing:1:updatePaymentMethod");

        assertThat(landed).contains("action=update_subscription_payment_method", "subscription_id=" + subscription(1));
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)).withRequestBody(equalToJson("{\"subscription_ids\":[\"" + subscription(1) + "\"]}")));
    }

    @Test
    void overviewWithFullPostAsksForNoSubscription() {
        paddleCreates(List.of());

        String landed = clickToPortal(open("billing.xhtml"), "form:billing:overview");

        assertThat(landed).contains("action=overview").doesNotContain("subscription_id");
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)).withRequestBody(equalToJson("{\"subscription_ids\":[]}")));
    }

    @Test
    void cancelWithAjaxFollowsThePartialRedirect() {
        paddleCreates(List.of(subscription(0)));

        String landed = clickToPortal(open("billing-ajax.xhtml"), "form:billing:0:cancel");

        assertThat(landed).contains("action=cancel_subscription", "subscription_id=" + subscription(0));
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)).withRequestBody(equalToJson("{\"subscription_ids\":[\"" + subscription(0) + "\"]}")));
    }

    @Test
    void updatePaymentMethodWithAjax() {
        paddleCreates(List.of(subscription(2)));

        String landed = clickToPortal(open("billing-ajax.xhtml"), "form:billing:2:updatePaymentMethod");

        assertThat(landed).contains("action=update_subscription_payment_method", "subscription_id=" + subscription(2));
    }

    @Test
    void overviewWithAjax() {
        paddleCreates(List.of());

        String landed = clickToPortal(open("billing-ajax.xhtml"), "form:billing:overview");

        assertThat(landed).contains("action=overview");
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void singlePortalButtonOpensItsSubscription() {
        paddleCreates(List.of(subscription(0)));

        WebDriver browser = open("single-button.xhtml");
        assertThat(browser.findElement(By.id("form:cancel:button")).getText()).isEqualTo("Cancel my plan");
        String landed = clickToPortal(browser, "form:cancel:button");

        assertThat(landed).contains("action=cancel_subscription", "subscription_id=" + subscription(0));
    }

    @Test
    void germanLocaleGetsGermanLabels() {
        WebDriver browser = open("billing-de.xhtml");

        assertThat(browser.findElement(By.id("form:billing:0:cancel")).getText()).isEqualTo("Abonnement kündigen");
        assertThat(browser.findElement(By.id("form:billing:0:updatePaymentMethod")).getText()).isEqualTo("Zahlungsmethode ändern");
        assertThat(browser.findElement(By.id("form:billing:overview")).getText()).isEqualTo("Abrechnung verwalten");
    }

    @Test
    void paddleDownKeepsThePageWithAMessage() {
        PADDLE.stubFor(post(SESSIONS).willReturn(aResponse().withStatus(503)));

        WebDriver browser = open("billing.xhtml");
        browser.findElement(By.id("form:billing:0:cancel")).click();

        assertThat(messages(browser)).contains("cannot be reached");
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Billing");
        assertThat(browser.getPageSource()).doesNotContain("token=");
    }

    @Test
    void paddleDownWithAjaxShowsTheMessageAndFreesTheButtons() {
        PADDLE.stubFor(post(SESSIONS).willReturn(aResponse().withStatus(503)));

        WebDriver browser = open("billing-ajax.xhtml");
        browser.findElement(By.id("form:billing:1:cancel")).click();

        assertThat(messages(browser)).contains("cannot be reached");
        waitFor(browser).until(driver -> !"true".equals(driver.findElement(By.id("form:billing")).getAttribute("aria-busy")));
    }

    @Test
    void paddleRefusingShowsTheRefusedMessage() {
        PADDLE.stubFor(post(SESSIONS).willReturn(PaddleStub.json(404, PaddleStub.fixture("python-sdk__client-test__404_not_found__extracted.json"))));

        WebDriver browser = open("billing.xhtml");
        browser.findElement(By.id("form:billing:overview")).click();

        assertThat(messages(browser)).contains("could not be opened");
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void fallbackIsUsedWhenPaddleIsDown() {
        PADDLE.stubFor(post(SESSIONS).willReturn(aResponse().withStatus(503)));

        WebDriver browser = open("billing-fallback.xhtml");
        browser.findElement(By.id("form:billing:0:cancel")).click();

        waitFor(browser).until(ExpectedConditions.textToBe(By.id("title"), "Billing help"));
        assertThat(browser.getCurrentUrl()).endsWith("/fallback.xhtml");
    }

    @Test
    void subscriptionRemovedSinceRenderingIsRefusedWithoutCallingPaddle() {
        WebDriver browser = open("billing.xhtml");
        removeSubscription(subscription(1));

        browser.findElement(By.id("form:billing:1:cancel")).click();

        assertThat(messages(browser)).contains("no longer available");
        assertThat(PADDLE.getAllServeEvents()).isEmpty();
    }

    @Test
    void doubleClickSendsOneRequest() {
        PADDLE.stubFor(post(SESSIONS).willReturn(PaddleStub.created(PaddleStub.portalSessionBody(CUSTOMER, List.of(subscription(0))))
                .withFixedDelay(1500)));
        stubPortalPage();

        WebDriver browser = open("billing-ajax.xhtml");
        ((JavascriptExecutor) browser).executeScript("var b = document.getElementById('form:billing:0:cancel'); b.click(); b.click();");

        assertThat(browser.findElement(By.id("form:billing")).getAttribute("aria-busy")).isEqualTo("true");
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void doubleClickWithFullPostSendsOneRequest() {
        PADDLE.stubFor(post(SESSIONS).willReturn(PaddleStub.created(PaddleStub.portalSessionBody(CUSTOMER, List.of(subscription(0))))
                .withFixedDelay(1500)));
        stubPortalPage();

        WebDriver browser = open("billing.xhtml");
        // The second click in a later task: two clicks in one task are coalesced by the browser into one submission,
        // which would let this test pass without the guard.
        ((JavascriptExecutor) browser).executeScript("var b = document.getElementById('form:billing:0:cancel'); b.click();"
                + " setTimeout(function () { b.click(); }, 100);");

        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));
        PADDLE.verify(1, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void anAjaxClickAfterTheSessionExpiredFreesTheButtonsAndSaysToReload() {
        paddleCreates(List.of(subscription(0)));
        WebDriver browser = open("billing-ajax.xhtml");
        browser.manage().deleteAllCookies(); // the session is gone: the view state names nothing the server has

        browser.findElement(By.id("form:billing:0:cancel")).click();

        String note = waitFor(browser).until(driver -> {
            List<WebElement> notes = driver.findElements(By.cssSelector("#form\\:billing .pl-error"));
            return notes.isEmpty() || notes.get(0).getText().isBlank() ? null : notes.get(0).getText();
        });
        assertThat(note).contains("reload the page");
        assertThat(browser.findElement(By.id("form:billing")).getAttribute("aria-busy")).isNotEqualTo("true");
        assertThat(PADDLE.getAllServeEvents()).isEmpty();
    }

    @Test
    void backFromThePortalFindsWorkingButtons() {
        paddleCreates(List.of(subscription(0)));
        WebDriver browser = open("billing.xhtml");
        ((JavascriptExecutor) browser).executeScript("window.plTestMarker = 'still this page';");
        clickToPortal(browser, "form:billing:0:cancel");

        browser.navigate().back();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("title")));

        // The page came back from the back/forward cache (its script state survived), busy state and all...
        assertThat(((JavascriptExecutor) browser).executeScript("return window.plTestMarker;")).isEqualTo("still this page");
        // ...and its buttons work again.
        assertThat(clickToPortal(browser, "form:billing:0:cancel")).contains("subscription_id=" + subscription(0));
        PADDLE.verify(2, postRequestedFor(urlPathEqualTo(SESSIONS)));
    }

    @Test
    void keyboardAloneReachesAndPressesTheButton() {
        paddleCreates(List.of(subscription(0)));
        WebDriver browser = open("billing.xhtml");
        String target = "form:billing:0:cancel";

        for (int tab = 0; tab < 10 && !target.equals(browser.switchTo().activeElement().getAttribute("id")); tab++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo(target);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));
        assertThat(browser.getCurrentUrl()).contains("subscription_id=" + subscription(0));
    }
}
