package dev.portallinks.demo.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
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
 * The demo's plain HTML/JS billing page ({@code spa.html}) in headless Chromium: it lists the subscriptions from the
 * demo's JSON, its buttons go through the redirect endpoint ({@code POST portal/…}, {@code Accept: application/json})
 * to the simulated portal for the right subscription, and a failure shows the endpoint's problem details in the
 * alert area while the page stays.
 */
class SpaPageIT {

    private static final String PAGE = "spa.html";
    private static final By ROWS = By.cssSelector("li.spa-subscriptions__row");
    /** The simulator's seventh subscription, canceled: listed, but neither offered nor manageable. */
    private static final String CANCELED = "sub_01jdemosubscription0000007";

    @RegisterExtension
    static final DemoServer DEMO = new DemoServer();

    /** Opens the page and waits until the script has rendered the subscriptions. */
    private static WebDriver openPage() {
        return DEMO.open(PAGE, ExpectedConditions.numberOfElementsToBe(ROWS, 7));
    }

    private static List<WebElement> rows(WebDriver browser) {
        return browser.findElements(ROWS);
    }

    @Test
    void listsTheSubscriptionsWithTheirButtons() throws IOException {
        WebDriver browser = DEMO.driver();
        browser.manage().window().setSize(new Dimension(1100, 1250));
        openPage();

        assertThat(rows(browser).get(4).getText()).contains("Hangar Storage", "Active", "$135.00");
        assertThat(rows(browser).get(4).findElements(By.tagName("button"))).extracting(WebElement::getText)
                .containsExactly("Cancel subscription", "Update payment method");
        assertThat(rows(browser).get(6).getText()).contains("AeroEdit Basic", "Canceled", "Not billed again");
        assertThat(rows(browser).get(6).findElements(By.tagName("button"))).isEmpty();
        assertThat(browser.findElement(By.id("overview")).getText()).isEqualTo("Manage billing");
        assertThat(browser.findElement(By.id("problem")).isDisplayed()).isFalse();
        assertThat(browser.getPageSource()).doesNotContain("token=", "pdl_sdbx_apikey_", "cpl_");

        DemoServer.saveForReadme(DEMO.screenshot("spa"), "spa.png");
        browser.manage().window().setSize(new Dimension(1280, 1024));
    }

    @Test
    void cancelOnTheFifthSubscriptionOpensItInTheSimulatedPortal() {
        WebDriver browser = openPage();
        String fifth = rows(browser).get(4).getAttribute("data-subscription");

        browser.findElement(By.id("cancel-" + fifth)).click();

        DemoServer.waitFor(browser).until(ExpectedConditions.textToBe(By.id("portal-title"), "Cancel subscription"));
        assertThat(browser.findElement(By.id("portal-subscription")).getText()).isEqualTo(fifth);
        assertThat(browser.findElement(By.id("portal-action")).getText()).isEqualTo("cancel_subscription");
        assertThat(browser.findElement(By.id("portal-customer")).getText()).startsWith("ctm_");
    }

    @Test
    void manageBillingOpensTheOverview() {
        WebDriver browser = openPage();

        browser.findElement(By.id("overview")).click();

        DemoServer.waitFor(browser).until(ExpectedConditions.textToBe(By.id("portal-title"), "Your billing overview"));
        assertThat(browser.findElement(By.id("portal-subscription")).getText()).isEqualTo("none (overview)");
    }

    @Test
    void simulatorServerErrorsShowTheProblemAndThePageStays() {
        WebDriver browser = openPage();
        String first = rows(browser).get(0).getAttribute("data-subscription");
        DemoServer.simulatorMode("SERVER_ERROR");

        browser.findElement(By.id("update-payment-method-" + first)).click();

        WebElement problem = DemoServer.waitFor(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("problem")));
        assertThat(problem.getAttribute("role")).isEqualTo("alert");
        assertThat(problem.getText()).contains("Billing provider unavailable", "cannot be reached right now");
        assertThat(browser.getCurrentUrl()).isEqualTo(DemoServer.URL + PAGE);
        DemoServer.waitFor(browser).until(ExpectedConditions.elementToBeClickable(By.id("update-payment-method-" + first)));
        assertThat(browser.getPageSource()).doesNotContain("Exception", "at dev.portallinks");
    }

    @Test
    void aSubscriptionThePageDoesNotOfferIsRefused() {
        WebDriver browser = openPage();

        // The page's own request, as a script could send it: the canceled subscription is not one the user may manage.
        Object status = ((JavascriptExecutor) browser).executeAsyncScript("var done = arguments[arguments.length - 1];"
                + "fetch('portal/subscriptions/" + CANCELED + "/cancel', {method: 'POST', headers: {Accept: 'application/json'},"
                + " credentials: 'same-origin'}).then(function (r) { return r.json().then(function (p) { done(r.status + ' ' + p.title); }); });");

        assertThat(status).isEqualTo("403 Not permitted");
    }

    @Test
    void theFacesPageLinksHereAndBack() {
        WebDriver browser = DEMO.open("?lang=en");

        browser.findElement(By.id("other-way")).click();
        DemoServer.waitFor(browser).until(ExpectedConditions.numberOfElementsToBe(ROWS, 7));
        browser.findElement(By.id("other-way")).click();

        DemoServer.waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("account:subscriptions:overview")));
        assertThat(browser.findElement(By.id("title")).getText()).isEqualTo("Billing");
    }
}
