package health.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Alice connects Sam's portal with a family account: the profile choice preselects Sam, she confirms and sees
 * "Connected"; a wrong password then asks her to update the sign-in details, and the fix reconnects.
 */
@QuarkusTest
class ConnectPortalBrowserTest {
    static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(30_000);

    @TestHTTPResource("/")
    URL base;

    @Test
    void aliceConnectsSamsFamilyAccountThenRecoversFromAWrongPassword() {
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "alice");
            page.navigate(base + "account/people/new");
            page.getByLabel("Full name").fill("Sam Carter");
            page.getByLabel("Date of birth").fill("2014-05-02");
            page.getByLabel("My child").check();
            page.locator("#authorityAttested").check();
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Save")).click();
            page.getByLabel("Acting for").selectOption(new com.microsoft.playwright.options.SelectOption()
                    .setLabel("Sam Carter"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch")).click();

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connections")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connect a patient portal")).click();
            page.getByLabel("Hospital, clinic or office").check();
            page.getByLabel("Name or address").fill("sandbox generl");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Search")).click();
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connect Sandbox General Hospital"))
                    .click();
            browser.screenshot("10-connect-form");
            page.getByLabel("Username").fill("family");
            page.getByLabel("Password").fill("demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect").setExact(true)).click();

            assertThat(page.locator("main")).containsText("Whose records should Ferry connect?", WAIT);
            assertThat(page.locator("input[name=profileId]:checked").locator("xpath=..")).containsText("Sam Carter");
            assertThat(page.locator("main")).containsText("(matches Sam Carter)");
            browser.screenshot("11-family-profiles");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect this profile")).click();
            assertThat(page.locator(".status-line")).containsText("Connected", WAIT);
            browser.screenshot("12-connected");

            // A wrong password: the participant is told to update the sign-in details, and the fix works.
            page.navigate(base + "connections/new?by=website&q=https://MyChart.Sandbox-General.example/MyChart/Authentication/Login?mode=stdfile");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Connect Sandbox General Hospital"))
                    .click();
            page.getByLabel("Username").fill("demo");
            page.getByLabel("Password").fill("wrong");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect").setExact(true)).click();
            assertThat(page.locator(".failure-message")).containsText("did not accept the username or password", WAIT);
            assertThat(page.locator("main")).containsText("Update your sign-in details");
            browser.screenshot("13-credential-error");
            page.getByLabel("Username").fill("demo");
            page.getByLabel("Password").fill("demo");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Update sign-in details")).click();
            assertThat(page.locator(".status-line")).containsText("Connected", WAIT);
        }
    }
}
