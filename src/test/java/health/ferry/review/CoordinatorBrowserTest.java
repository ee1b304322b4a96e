package health.ferry.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.UploadCalls;
import health.ferry.uploads.UploadFixtures;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import health.ferry.browser.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Casey reviews a package in a real browser (accepts two documents, rejects one with a reason, reclassifies one),
 * then Alice sees the outcome; an HTML page with script inside the package never runs in the coordinator's browser.
 */
@QuarkusTest
class CoordinatorBrowserTest {
    static final String REASON = "This is a photo of your insurance card; please upload your lab results.";

    @TestHTTPResource("/")
    URL base;

    /** The requests a hostile document's script would make if it ever ran ({@code …script-ran…}). */
    private static List<String> scriptCalls(Page page) {
        List<String> watched = new CopyOnWriteArrayList<>();
        page.context().onRequest(request -> {
            if (request.url().contains("script-ran")) {
                watched.add(request.url());
            }
        });
        return watched;
    }

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void caseyReviewsAPackageAndAliceSeesTheOutcome() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Browser Blake");
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "casey");
            page.navigate(base + "coordinator");
            page.getByRole(AriaRole.LINK, named("Review queue")).click();
            Locator row = page.locator("tr[data-upload='" + p.upload() + "']");
            assertThat(row).isVisible();
            browser.screenshot("coordinators-01-queue");
            row.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName("Open")).click();
            assertThat(page.locator("h1")).containsText("Package from P-");
            browser.screenshot("coordinators-02-package");

            decide(page, p.doc("summary.xml"), "accepted", null, null);
            decide(page, p.doc("lab.pdf"), "accepted", null, null);
            decide(page, p.doc("photo.png"), "rejected", REASON, null);
            decide(page, p.doc("notes.html"), "accepted", null, "text");
            assertThat(page.locator("[data-review-status]")).hasAttribute("data-review-status", "done");
            assertThat(page.locator("#document-" + p.doc("photo.png") + " .decision")).containsText(REASON);
            assertThat(page.locator("#document-" + p.doc("notes.html"))).hasAttribute("data-kind", "text");
            browser.screenshot("coordinators-03-decided");
            page.locator("#document-" + p.doc("photo.png")).screenshot(new Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "screenshots", "coordinators-03-document.png")));

            page.navigate(base + "coordinator/studies/heart-rhythm-outcomes/dashboard");
            assertThat(page.locator("#chart-funnel canvas")).isVisible();
            browser.screenshot("coordinators-04-dashboard");
            page.locator("#chart-funnel").screenshot(new Locator.ScreenshotOptions()
                    .setPath(java.nio.file.Path.of("target", "screenshots", "coordinators-04-funnel.png")));
        }
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "alice");
            page.navigate(base + "supporting-documents/uploads/" + p.upload());
            assertThat(page.locator("td.review[data-decision='rejected']")).containsText(REASON);
            assertThat(page.locator("td.review[data-decision='accepted']")).hasCount(3);
            browser.screenshot("coordinators-05-participant-outcome");
        }
    }

    private static void decide(Page page, String documentId, String decision, String reason, String kind) {
        Locator section = page.locator("#document-" + documentId);
        section.locator("input[name='decision'][value='" + decision + "']").check();
        if (reason != null) {
            section.locator("input[name='reason']").fill(reason);
        }
        if (kind != null) {
            section.locator("details.reclassify summary").click();
            section.locator("select[name='kind']").selectOption(new SelectOption().setValue(kind));
        }
        section.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save decision")).click();
        assertThat(page.locator("#document-" + documentId + " .decision")).hasAttribute("data-decision", decision);
    }

    @Test
    void anHtmlPageWithScriptNeverRunsInTheCoordinatorsBrowser() throws Exception {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Script Sasha");
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            List<String> watched = scriptCalls(page);
            browser.signIn(base.toString(), "casey");
            page.navigate(base + "coordinator/uploads/" + p.upload());
            page.navigate(base + "coordinator/documents/" + p.doc("notes.html"));
            assertThat(page.locator("[data-no-preview]")).isVisible();
            assertFalse(page.title().contains("PWNED"));
            browser.screenshot("coordinators-06-html-document");

            Download download = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, named("Download original"))
                    .click());
            assertEquals("notes.html", download.suggestedFilename());
            assertTrue(Files.readString(download.path()).contains("<script>"), "the bytes are kept as sent");

            // Even opened directly, the original is an attachment under a sandboxing CSP: nothing renders or runs.
            try {
                page.navigate(base + "api/v1/coordinator/documents/" + p.doc("notes.html") + "/content");
            } catch (com.microsoft.playwright.PlaywrightException expected) {
                // Chromium reports "Download is starting" instead of a navigation.
            }
            page.waitForTimeout(1000);
            assertFalse(page.title().contains("PWNED"), page.title());
            assertEquals(List.of(), watched, "the page's script never ran");
        }
    }

    /** U6: an SVG with onload and a foreignObject script, as .svg and disguised as .png, opened every way there is. */
    @Test
    void anSvgWithScriptNeverRunsWhicheverWayItIsOpened() throws Exception {
        String person = UploadCalls.ward("alice", "Svg Sydney", UploadCalls.HEART);
        java.util.Map<String, byte[]> files = new java.util.LinkedHashMap<>();
        files.put("image.svg", UploadFixtures.SVG.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        files.put("scan.png", UploadFixtures.SVG.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String upload = UploadCalls.upload("alice", UploadCalls.HEART, person, java.util.Map.of("svg.zip",
                UploadFixtures.zip(files))).then().statusCode(202).extract().path("id");
        List<String> ids = UploadCalls.finished("alice", upload).getList("documents.id", String.class);
        assertEquals(2, ids.size());
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            List<String> watched = scriptCalls(page);
            browser.signIn(base.toString(), "casey");
            for (String id : ids) {
                page.navigate(base + "coordinator/documents/" + id);
                assertThat(page.locator("[data-no-preview]")).isVisible();
                assertEquals(0, page.locator("iframe, embed, object, img[src*='" + id + "']").count(), "not inlined");
                for (String direct : List.of("coordinator/documents/" + id + "/preview",
                        "api/v1/coordinator/documents/" + id + "/content")) {
                    try {
                        page.navigate(base + direct);
                    } catch (com.microsoft.playwright.PlaywrightException expected) {
                        // The content is a download: Chromium reports "Download is starting", nothing renders.
                    }
                    page.waitForTimeout(500);
                    assertFalse(page.title().contains("PWNED"), direct + ": " + page.title());
                }
            }
            assertEquals(List.of(), watched, "the SVG's script never ran");
        }
    }
}
