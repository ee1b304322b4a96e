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
 * "Connected"; new sign-in details with a wrong password are refused while the connection keeps working, and the
 * right ones are taken.
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

            // New sign-in details with a wrong password: refused, Sam's connection keeps working; the right ones
            // are taken.
            page.locator("#update-sign-in").getByLabel("Username").fill("family");
            page.locator("#update-sign-in").getByLabel("Password").fill("wrong");
            page.locator("#update-sign-in button[type=submit]").click();
            assertThat(page.locator("[data-testid=update-refused]"))
                    .containsText("did not accept the username or password", WAIT);
            assertThat(page.locator(".status-line")).containsText("Connected");
            browser.screenshot("13-credential-error-still-connected");
            page.locator("#update-sign-in").getByLabel("Username").fill("family");
            page.locator("#update-sign-in").getByLabel("Password").fill("demo");
            page.locator("#update-sign-in button[type=submit]").click();
            // the family account's details are right: they are taken, the portal asks whose records again (Sam is
            // suggested), and the connection goes on
            assertThat(page.locator("main")).containsText("Whose records should Ferry connect?", WAIT);
            assertThat(page.locator("input[name=profileId]:checked").locator("xpath=..")).containsText("Sam Carter");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Connect this profile")).click();
            assertThat(page.locator(".status-line")).containsText("Connected", WAIT);
        }
    }
}
