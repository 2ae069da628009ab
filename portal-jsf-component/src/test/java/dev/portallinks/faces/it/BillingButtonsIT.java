package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.test.Fault;
import dev.portallinks.test.PaddleExample;
import java.time.Duration;
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
 * PortalLinkService against the Paddle simulator: rendering, clicks with full post and Faces Ajax, failures, fallback,
 * German labels, stale rows, double clicks, keyboard use.
 */
class BillingButtonsIT extends FacesIT {

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

    /** Clicks and waits until the browser is on the simulator's portal page (a link it issued), then returns that URL. */
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
        assertThat(browser.getPageSource()).doesNotContain("token=", "pga_", FacesDeployments.API_KEY);
        assertThat(paddle().apiCalls()).isEmpty();
    }

    @Test
    void rendersTwentyFiveRowsWithoutCallingPaddle() {
        List<String> many = IntStream.range(0, 25).mapToObj(FacesIT::subscription).toList();
        subscriptions(many);

        WebDriver browser = open("billing.xhtml");

        assertThat(browser.findElements(By.cssSelector("button.pl-button--cancel"))).hasSize(25);
        assertThat(browser.findElement(By.id("form:billing:24:cancel")).getAttribute("aria-label")).endsWith(subscription(24));
        assertThat(browser.getPageSource()).doesNotContain("token=");
        assertThat(paddle().apiCalls()).isEmpty();
    }

    @Test
    void cancelWithFullPostLandsOnThatSubscriptionsCancelPage() {
        String landed = clickToPortal(open("billing.xhtml"), "form:billing:2:cancel");

        assertOpensPortal(landed, "cancel_subscription", subscription(2));
        assertPortalSessions(1, CUSTOMER, subscription(2));
    }

    @Test
    void updatePaymentMethodWithFullPostLandsOnThePaymentForm() {
        String landed = clickToPortal(open("billing.xhtml"), "form:billing:1:updatePaymentMethod");

        assertOpensPortal(landed, "update_subscription_payment_method", subscription(1));
        assertPortalSessions(1, CUSTOMER, subscription(1));
    }

    @Test
    void overviewWithFullPostAsksForNoSubscription() {
        String landed = clickToPortal(open("billing.xhtml"), "form:billing:overview");

        assertOpensPortal(landed, "overview", null);
        assertPortalSessions(1, CUSTOMER);
    }

    @Test
    void cancelWithAjaxFollowsThePartialRedirect() {
        String landed = clickToPortal(open("billing-ajax.xhtml"), "form:billing:0:cancel");

        assertOpensPortal(landed, "cancel_subscription", subscription(0));
        assertPortalSessions(1, CUSTOMER, subscription(0));
    }

    @Test
    void updatePaymentMethodWithAjax() {
        String landed = clickToPortal(open("billing-ajax.xhtml"), "form:billing:2:updatePaymentMethod");

        assertOpensPortal(landed, "update_subscription_payment_method", subscription(2));
    }

    @Test
    void overviewWithAjax() {
        String landed = clickToPortal(open("billing-ajax.xhtml"), "form:billing:overview");

        assertOpensPortal(landed, "overview", null);
        assertPortalSessions(1, CUSTOMER);
    }

    @Test
    void singlePortalButtonOpensItsSubscription() {
        WebDriver browser = open("single-button.xhtml");
        assertThat(browser.findElement(By.id("form:cancel:button")).getText()).isEqualTo("Cancel my plan");
        String landed = clickToPortal(browser, "form:cancel:button");

        assertOpensPortal(landed, "cancel_subscription", subscription(0));
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
        paddle().always(Fault.serverError(503));

        WebDriver browser = open("billing.xhtml");
        browser.findElement(By.id("form:billing:0:cancel")).click();

        assertThat(messages(browser)).contains("cannot be reached");
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Billing");
        assertThat(browser.getPageSource()).doesNotContain("token=");
    }

    @Test
    void paddleDownWithAjaxShowsTheMessageAndFreesTheButtons() {
        paddle().always(Fault.serverError(503));

        WebDriver browser = open("billing-ajax.xhtml");
        browser.findElement(By.id("form:billing:1:cancel")).click();

        assertThat(messages(browser)).contains("cannot be reached");
        waitFor(browser).until(driver -> !"true".equals(driver.findElement(By.id("form:billing")).getAttribute("aria-busy")));
    }

    @Test
    void paddleRefusingShowsTheRefusedMessage() {
        paddle().always(Fault.publishedExample(PaddleExample.NOT_FOUND));

        WebDriver browser = open("billing.xhtml");
        browser.findElement(By.id("form:billing:overview")).click();

        assertThat(messages(browser)).contains("could not be opened");
        assertThat(portalSessionRequests(CUSTOMER)).hasSize(1);
    }

    @Test
    void fallbackIsUsedWhenPaddleIsDown() {
        paddle().always(Fault.serverError(503));

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
        assertThat(paddle().apiCalls()).isEmpty();
    }

    @Test
    void doubleClickSendsOneRequest() {
        paddle().always(Fault.slow(Duration.ofMillis(1500)));

        WebDriver browser = open("billing-ajax.xhtml");
        ((JavascriptExecutor) browser).executeScript("var b = document.getElementById('form:billing:0:cancel'); b.click(); b.click();");

        assertThat(browser.findElement(By.id("form:billing")).getAttribute("aria-busy")).isEqualTo("true");
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));
        assertPortalSessions(1, CUSTOMER, subscription(0));
    }

    @Test
    void doubleClickWithFullPostSendsOneRequest() {
        paddle().always(Fault.slow(Duration.ofMillis(1500)));

        WebDriver browser = open("billing.xhtml");
        // The second click in a later task: two clicks in one task are coalesced by the browser into one submission,
        // which would let this test pass without the guard.
        ((JavascriptExecutor) browser).executeScript("var b = document.getElementById('form:billing:0:cancel'); b.click();"
                + " setTimeout(function () { b.click(); }, 100);");

        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));
        assertPortalSessions(1, CUSTOMER, subscription(0));
    }

    @Test
    void anAjaxClickAfterTheSessionExpiredFreesTheButtonsAndSaysToReload() {
        WebDriver browser = open("billing-ajax.xhtml");
        browser.manage().deleteAllCookies(); // the session is gone: the view state names nothing the server has

        browser.findElement(By.id("form:billing:0:cancel")).click();

        String note = waitFor(browser).until(driver -> {
            List<WebElement> notes = driver.findElements(By.cssSelector("#form\\:billing .pl-error"));
            return notes.isEmpty() || notes.get(0).getText().isBlank() ? null : notes.get(0).getText();
        });
        assertThat(note).contains("reload the page");
        assertThat(browser.findElement(By.id("form:billing")).getAttribute("aria-busy")).isNotEqualTo("true");
        assertThat(paddle().apiCalls()).isEmpty();
    }

    @Test
    void backFromThePortalFindsWorkingButtons() {
        WebDriver browser = open("billing.xhtml");
        ((JavascriptExecutor) browser).executeScript("window.plTestMarker = 'still this page';");
        clickToPortal(browser, "form:billing:0:cancel");

        browser.navigate().back();
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("title")));

        // The page came back from the back/forward cache (its script state survived), busy state and all...
        assertThat(((JavascriptExecutor) browser).executeScript("return window.plTestMarker;")).isEqualTo("still this page");
        // ...and its buttons work again.
        assertOpensPortal(clickToPortal(browser, "form:billing:0:cancel"), "cancel_subscription", subscription(0));
        assertPortalSessions(2, CUSTOMER, subscription(0));
    }

    @Test
    void keyboardAloneReachesAndPressesTheButton() {
        WebDriver browser = open("billing.xhtml");
        String target = "form:billing:0:cancel";

        for (int tab = 0; tab < 10 && !target.equals(browser.switchTo().activeElement().getAttribute("id")); tab++) {
            browser.switchTo().activeElement().sendKeys(Keys.TAB);
        }
        assertThat(browser.switchTo().activeElement().getAttribute("id")).isEqualTo(target);
        browser.switchTo().activeElement().sendKeys(Keys.ENTER);

        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));
        assertOpensPortal(browser.getCurrentUrl(), "cancel_subscription", subscription(0));
    }
}
