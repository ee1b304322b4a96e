package health.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import health.ferry.audit.AuditTrail;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Alice signs in through the login page, adds her ward, acts for him and enrols him in a study. */
@QuarkusTest
class FirstVisitBrowserTest {
    @TestHTTPResource("/")
    URL base;
    @Inject
    AuditTrail audit;

    @Test
    void aliceAddsAWardSwitchesToHimAndEnrolsHim() {
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "alice");
            assertThat(page.locator("h1")).containsText("Welcome");
            browser.screenshot("01-home");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Account")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a child or ward")).click();
            page.getByLabel("Full name").fill("Sam Carter");
            page.getByLabel("Date of birth").fill("2014-05-02");
            page.getByLabel("My child").check();
            page.locator("#authorityAttested").check();
            browser.screenshot("02-add-ward");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            assertThat(page.locator("table.people")).containsText("Sam Carter");

            page.getByLabel("Acting for").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Sam Carter"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch")).click();
            assertThat(page.getByLabel("Acting for").locator("option[selected]")).hasText("Sam Carter");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Studies").setExact(true)).click();
            page.locator("a[href='/studies/childhood-asthma-registry']").click();
            assertThat(page.locator("h1")).hasText("Childhood Asthma Registry");
            page.locator("#agree").check();
            browser.screenshot("03-consent");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Enrol")).click();
            assertThat(page.locator("#enrolment-title")).containsText("Sam Carter is enrolled in this study");
            browser.screenshot("04-enrolled");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Home")).click();
            assertThat(page.locator("main")).containsText("Childhood Asthma Registry");
            org.junit.jupiter.api.Assertions.assertTrue(audit.byAction("sign_in", 50).stream()
                    .anyMatch(e -> "alice".equals(e.actorUsername())), "sign-in is audited");
        }
    }

    @Test
    void pagesFitAPhoneScreenWithoutSidewaysScrolling() {
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            page.setViewportSize(375, 740);
            browser.signIn(base.toString(), "bob");
            for (String path : new String[] {"home", "studies", "studies/heart-rhythm-outcomes", "account",
                "account/people/new"}) {
                page.navigate(base + path);
                Object overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth");
                org.junit.jupiter.api.Assertions.assertTrue(((Number) overflow).intValue() <= 0,
                        path + " overflows a phone screen by " + overflow + "px");
            }
            page.navigate(base + "studies");
            browser.screenshot("05-phone-studies");
        }
    }
}
