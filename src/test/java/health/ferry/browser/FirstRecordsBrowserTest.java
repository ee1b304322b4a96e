package health.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import health.ferry.OwnDatabase;
import health.ferry.Tokens;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The start path as a participant lives it (issue 20), in Chromium, with the first sync on as in dev and prod: a
 * fresh connection shows its records arriving without any click; "Sync now" updates the page by itself; connecting
 * the connected portal again, or new sign-in details with a wrong password, leave it Connected; a file over the
 * study's limit is refused with its size before a single byte is sent.
 */
@QuarkusTest
@TestProfile(FirstRecordsBrowserTest.AsInDevMode.class)
class FirstRecordsBrowserTest {
    static final LocatorAssertions.ContainsTextOptions WAIT = new LocatorAssertions.ContainsTextOptions()
            .setTimeout(60_000);

    /** The first sync on (as dev and prod have it); "sync now" may follow it after a moment instead of a minute. */
    public static class AsInDevMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("ferry-first-records", Map.of("ferry.sync.first-sync", "true",
                    "ferry.sync.now-cooldown", "PT2S"));
        }
    }

    @TestHTTPResource("/")
    URL base;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void recordsArriveWithoutAClickSyncNowFollowsItselfAndAWorkingConnectionIsNeverClobbered() {
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "bob");
            page.navigate(base + "connections/new?by=organization&q=Sandbox+General");
            page.getByRole(AriaRole.LINK, named("Connect Sandbox General Hospital")).click();
            page.getByLabel("Username").fill("demo");
            page.getByLabel("Password").fill("demo");
            page.getByRole(AriaRole.BUTTON, named("Connect")).click();

            // Connected, then the first records arrive: no click, no reload by hand.
            assertThat(page.locator(".status-line")).containsText("Connected", WAIT);
            page.evaluate("window.ferryMarker = 'same page'");
            assertThat(page.locator(".sync-line")).containsText("new or updated records", WAIT);
            assertEquals("same page", page.evaluate("window.ferryMarker"), "the outcome came without a reload");
            assertThat(page.getByRole(AriaRole.LINK, named("Review your records"))).isVisible();
            browser.screenshot("20-first-records-arrived");
            String connection = page.url().replaceAll(".*/connections/([0-9a-f-]+).*", "$1");
            int pending = Tokens.as("bob").get("/api/v1/connections/" + connection).jsonPath()
                    .getInt("lastSync.newRecords");
            assertTrue(pending > 100, "the demo chart's records: " + pending);

            // "Sync now": the page follows the run and shows how it ended, by itself.
            page.waitForTimeout(2_100); // the test profile's cool-down
            page.getByRole(AriaRole.BUTTON, named("Sync now")).click();
            page.evaluate("window.ferryMarker = 'after sync now'");
            assertThat(page.locator(".sync-line")).containsText("found nothing new", WAIT);
            assertEquals("after sync now", page.evaluate("window.ferryMarker"));
            browser.screenshot("21-sync-now-finished");

            // Connecting the same portal again: the search and the wizard say it is connected; nothing changes.
            page.navigate(base + "connections/new?by=organization&q=Sandbox+General");
            assertThat(page.locator("[data-testid=already-connected]")).containsText("Already connected");
            browser.screenshot("22-search-already-connected");
            String portal = Tokens.as("bob").get("/api/v1/connections/" + connection).jsonPath()
                    .getString("portalId");
            page.navigate(base + "connections/new/" + portal);
            assertThat(page.locator("#existing-title")).hasText("Already connected");
            assertEquals(0, page.locator("input[type=password]").count(), "no sign-in form for a working connection");
            page.getByRole(AriaRole.LINK, named("Update sign-in details")).click();

            // New sign-in details with a wrong password: refused, and the connection keeps working.
            page.locator("#update-sign-in").getByLabel("Username").fill("demo");
            page.locator("#update-sign-in").getByLabel("Password").fill("not-my-password");
            page.locator("#update-sign-in button[type=submit]").click();
            assertThat(page.locator("[data-testid=update-refused]")).containsText("were not saved", WAIT);
            assertThat(page.locator(".status-line")).containsText("Connected");
            browser.screenshot("23-wrong-password-still-connected");
            assertEquals("connected", Tokens.as("bob").get("/api/v1/connections/" + connection).jsonPath()
                    .getString("status"));
        }
    }

    @Test
    void aFileOverTheStudysLimitIsRefusedBeforeAByteIsSent() {
        String study = "heart-rhythm-outcomes";
        String self = Tokens.as("erin").get("/api/v1/me").jsonPath().getString("people[0].id");
        Tokens.as("erin").contentType("application/json").body(Map.of("personId", self, "consentVersion", "2026-03"))
                .post("/api/v1/studies/" + study + "/enrollments").then().statusCode(201);
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            List<String> posts = new CopyOnWriteArrayList<>();
            page.onRequest(request -> {
                if ("POST".equals(request.method()) && request.url().contains("supporting-documents")
                        && !request.url().endsWith("/confirm")) {
                    posts.add(request.url());
                }
            });
            browser.signIn(base.toString(), "erin");
            page.navigate(base + "supporting-documents");
            page.locator("#confirm-" + study).check();
            page.getByRole(AriaRole.BUTTON, named("Yes, this is true")).click();
            byte[] big = new byte[9 * 1024 * 1024 + 200 * 1024]; // the test profile's limit is 8 MB
            page.locator("#zip-" + study).setInputFiles(new FilePayload("records.zip", "application/zip", big));
            page.getByRole(AriaRole.BUTTON, named("Upload")).click();
            assertThat(page.locator("[data-status]")).hasText(
                    "This file is 9.2 MB; this study accepts up to 8 MB in one upload. Nothing was sent.");
            assertThat(page.locator("[data-can-leave]")).isHidden();
            browser.screenshot("24-too-large-before-sending");
            assertEquals(List.of(), posts, "no upload request left the browser");
        }
    }
}
