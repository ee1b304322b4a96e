package health.ferry.uploads;

import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.path;
import static health.ferry.uploads.UploadCalls.ward;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.FormData;
import com.microsoft.playwright.options.RequestOptions;
import health.ferry.Tokens;
import health.ferry.browser.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * A signed-in browser session (the OIDC session cookie) must still send the CSRF token with a multipart upload,
 * also when a bearer token rides along: only cookie-less bearer API calls are spared it.
 */
@QuarkusTest
class UploadCsrfBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aSessionCookieUploadWithoutTheTokenIsRefused() {
        String person = ward("alice", "Csrf Session", HEART);
        try (Browser browser = Browser.start()) {
            browser.signIn(base.toString(), "alice");
            browser.page().navigate(base + "supporting-documents");
            assertTrue(browser.page().context().cookies().stream().anyMatch(c -> c.name.equals("q_session_ferry")),
                    "signed in with a session cookie of Ferry's sign-in tenant (accounts.SignInTenant)");
            String url = base + path(HEART, person).substring(1);

            APIResponse withoutToken = browser.page().request().post(url, RequestOptions.create()
                    .setMultipart(form()));
            assertEquals(400, withoutToken.status());

            APIResponse bearerAndSession = browser.page().request().post(url, RequestOptions.create()
                    .setHeader("Authorization", "Bearer " + Tokens.of("alice")).setMultipart(form()));
            assertEquals(400, bearerAndSession.status());

            String token = browser.page().locator("input[name='csrf-token']").first().inputValue();
            APIResponse withToken = browser.page().request().post(url, RequestOptions.create()
                    .setMultipart(form().set("csrf-token", token)));
            assertEquals(202, withToken.status());
        }
    }

    private static FormData form() {
        return FormData.create().set("prerequisiteConfirmed", "true").set("file",
                new FilePayload("note.txt", "text/plain", UploadFixtures.note("session csrf")));
    }
}
