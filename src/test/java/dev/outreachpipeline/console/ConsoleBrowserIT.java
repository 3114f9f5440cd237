package dev.outreachpipeline.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.outreachpipeline.testsupport.ConsoleBrowser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Logging in and out of the console in a real browser (headless Chromium) against the real daemon: the
 * login form, the refusal of a wrong token, the end of the session, and forms refused without their CSRF
 * token.
 */
class ConsoleBrowserIT {

    @RegisterExtension
    static final ConsoleBrowser console = ConsoleBrowser.onDaemon();

    @Test
    void theLoginFormTakesTheTokenAndShowsTheHomePage() {
        console.open("/");
        console.await().until(ExpectedConditions.urlToBe(console.url("/login")));

        console.logIn();

        assertThat(body()).contains("Logged in as the operator (admin token)").contains("from 127.0.0.1");
        assertThat(console.driver().getTitle()).endsWith("Outreach Pipeline");
    }

    @Test
    void afterLogoutTheHomePageSendsTheBrowserBackToTheLoginPage() {
        console.logIn();

        console.logOut();

        console.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[role=alert]"), "You are logged out."));
        console.open("/");
        console.await().until(ExpectedConditions.urlToBe(console.url("/login")));
        assertThat(body()).doesNotContain("Logged in as");
    }

    @Test
    void aWrongTokenIsRefusedOnTheLoginPage() {
        console.submitLogin("not-the-admin-token-but-long-enough-0123456789");

        console.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector("[role=alert]"), "That is not the admin token"));
        assertThat(console.driver().getCurrentUrl()).isEqualTo(console.url("/login"));
        console.open("/");
        console.await().until(ExpectedConditions.urlToBe(console.url("/login")));
    }

    @Test
    void aFormSubmittedWithoutItsCsrfTokenIsRefusedAndTheSessionStays() {
        console.logIn();

        // a script posting the logout form without the token, as a forged request would
        Object status = ((JavascriptExecutor) console.driver())
                .executeAsyncScript("const done = arguments[arguments.length - 1];"
                        + "fetch('/logout', {method: 'POST', body: new URLSearchParams(), redirect: 'manual'})"
                        + ".then(r => done(r.status), e => done('failed: ' + e));");
        assertThat(status).isEqualTo(403L);

        // the page's own form, its hidden CSRF field removed before it is sent
        ((JavascriptExecutor) console.driver())
                .executeScript("document.querySelector(\"form[action='/logout'] input[type=hidden]\").remove();");
        console.driver()
                .findElement(By.cssSelector("form[action='/logout'] [type=submit]"))
                .click();
        console.await()
                .until(ExpectedConditions.textToBePresentInElementLocated(By.tagName("body"), "This form was refused"));
        assertThat(body()).contains("CSRF token");

        console.open("/");
        assertThat(console.driver().getCurrentUrl()).as("still logged in").isEqualTo(console.url("/"));
        assertThat(body()).contains("Logged in as");
    }

    private static String body() {
        return console.driver().findElement(By.tagName("body")).getText();
    }
}
