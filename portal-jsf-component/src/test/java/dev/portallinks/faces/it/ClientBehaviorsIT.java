package dev.portallinks.faces.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.portallinks.it.TestServer;
import java.net.http.HttpResponse;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Client behaviours attached to the buttons' click, in headless Chromium: every behaviour runs in order (a declined
 * confirmation stops the click, with or without f:ajax), every behaviour is decoded on the server (an
 * {@code <f:ajax listener>} is called), and two behaviours that would each send the click are an error when the page
 * renders.
 */
class ClientBehaviorsIT extends FacesIT {

    @RegisterExtension
    static final Browser BROWSER = new Browser();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return FacesDeployments.war("client-behaviors", "billing-ajax-listener.xhtml", "billing-confirm.xhtml", "billing-confirm-full-post.xhtml",
                "billing-two-ajax.xhtml");
    }

    @BeforeEach
    void oneSubscription() {
        subscriptions(List.of(subscription(1)));
    }

    private WebDriver open(String page) {
        return BROWSER.open(base() + page);
    }

    private static WebDriverWait waitFor(WebDriver browser) {
        return Browser.waitFor(browser);
    }

    private static void landsOnThePortal(WebDriver browser) {
        waitFor(browser).until(ExpectedConditions.presenceOfElementLocated(By.id("portal")));
    }

    private int listenerCalls() {
        return Integer.parseInt(getPage("api/state/listener-calls").body().strip());
    }

    @Test
    void anAjaxListenerIsCalledOnceWhenTheClickOpensThePortal() {
        WebDriver browser = open("billing-ajax-listener.xhtml");

        browser.findElement(By.id("form:billing:0:cancel")).click();
        landsOnThePortal(browser);

        assertThat(listenerCalls()).isEqualTo(1);
        assertPortalSessions(1, CUSTOMER, subscription(1));
    }

    @Test
    void aConfirmedAjaxClickOpensThePortal() {
        WebDriver browser = open("billing-confirm.xhtml");

        browser.findElement(By.id("form:billing:0:cancel")).click();
        waitFor(browser).until(ExpectedConditions.alertIsPresent()).accept();
        landsOnThePortal(browser);

        assertThat(listenerCalls()).as("the click went through f:ajax, after the confirmation").isEqualTo(1);
        assertPortalSessions(1, CUSTOMER, subscription(1));
    }

    @Test
    void aDeclinedConfirmationSendsNothingAndFreesTheButtons() {
        WebDriver browser = open("billing-confirm.xhtml");

        browser.findElement(By.id("form:billing:0:cancel")).click();
        waitFor(browser).until(ExpectedConditions.alertIsPresent()).dismiss();

        waitFor(browser).until(ExpectedConditions.attributeToBe(By.id("form:billing"), "aria-busy", "false"));
        assertThat(browser.findElements(By.id("portal"))).isEmpty();
        assertThat(paddle().apiCalls()).isEmpty();
    }

    @Test
    void aConfirmedFullPostOpensThePortal() {
        WebDriver browser = open("billing-confirm-full-post.xhtml");

        browser.findElement(By.id("form:billing:0:updatePaymentMethod")).click();
        waitFor(browser).until(ExpectedConditions.alertIsPresent()).accept();
        landsOnThePortal(browser);

        assertPortalSessions(1, CUSTOMER, subscription(1));
    }

    @Test
    void twoAjaxBehavioursFailThePageWhenItRenders() {
        TestServer.LogMark mark = TestServer.logMark();

        HttpResponse<String> page = getPage("billing-two-ajax.xhtml");

        assertThat(page.statusCode()).isEqualTo(500);
        assertThat(page.body()).doesNotContain("data-pl-buttons");
        assertThat(mark.textSince()).contains("has 2 behaviours that submit a click (f:ajax)");
    }
}
