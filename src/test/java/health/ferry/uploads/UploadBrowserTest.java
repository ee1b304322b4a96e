package health.ferry.uploads;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import health.ferry.browser.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Alice, acting for her ward, confirms the study's question, uploads a folder, watches the bytes go and the
 * documents being read, and sees them classified.
 */
@QuarkusTest
class UploadBrowserTest {
    private static final String STUDY = "heart-rhythm-outcomes";

    @TestHTTPResource("/")
    URL base;

    private static Page.GetByRoleOptions named(String name) {
        return new Page.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void aliceUploadsAFolderForHerWardAndSeesItsDocumentsClassified(@TempDir Path dir) throws Exception {
        Path folder = Files.createDirectories(dir.resolve("clinic-export"));
        Files.write(folder.resolve("summary.xml"), UploadFixtures.ccd());
        Files.write(Files.createDirectories(folder.resolve("labs")).resolve("lab-report.pdf"), UploadFixtures.labPdf());
        Files.write(folder.resolve("wound-photo.png"), UploadFixtures.png());
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            List<String> problems = new ArrayList<>();
            page.onConsoleMessage(message -> {
                if ("error".equals(message.type()) && !message.text().startsWith("Failed to load resource")) {
                    problems.add(message.text());
                }
            });
            page.onResponse(response -> {
                if (response.status() >= 400 && !response.url().endsWith("/favicon.ico")) {
                    problems.add(response.status() + " " + response.url());
                }
            });
            browser.signIn(base.toString(), "alice");

            page.getByRole(AriaRole.LINK, named("Account")).click();
            page.getByRole(AriaRole.LINK, named("Add a child or ward")).click();
            page.getByLabel("Full name").fill("Robin Carter");
            page.getByLabel("Date of birth").fill("2013-09-14");
            page.getByLabel("My child").check();
            page.locator("#authorityAttested").check();
            page.getByRole(AriaRole.BUTTON, named("Save")).click();
            page.getByLabel("Acting for").selectOption(new SelectOption().setLabel("Robin Carter"));
            page.getByRole(AriaRole.BUTTON, named("Switch")).click();
            page.getByRole(AriaRole.LINK, named("Studies")).click();
            page.locator("a[href='/studies/" + STUDY + "']").click();
            page.locator("#agree").check();
            page.getByRole(AriaRole.BUTTON, named("Enrol")).click();
            assertThat(page.locator("#enrolment-title")).containsText("Robin Carter is enrolled in this study");

            page.getByRole(AriaRole.LINK, named("Supporting Documents")).click();
            assertThat(page.locator("h1")).hasText("Supporting Documents for Robin Carter");
            page.locator("#confirm-" + STUDY).check();
            browser.screenshot("uploads-01-prerequisite");
            page.getByRole(AriaRole.BUTTON, named("Yes, this is true")).click();

            page.locator("#folder-" + STUDY).setInputFiles(folder);
            browser.screenshot("uploads-02-folder-chosen");
            page.getByRole(AriaRole.BUTTON, named("Upload")).click();
            assertThat(page.locator("#send-" + STUDY)).isVisible();
            page.waitForFunction("id => document.getElementById('send-' + id).value === 100", STUDY);
            page.waitForFunction("id => { const bar = document.getElementById('read-' + id);"
                    + " return bar.max === 3 && bar.value === 3; }", STUDY, new Page.WaitForFunctionOptions()
                    .setTimeout(90_000));
            assertThat(page.locator("[data-status]")).containsText("Ready for review");
            assertThat(page.locator(".my-data .upload-state")).hasText("Ready for review");
            browser.screenshot("uploads-03-both-bars-done");

            page.getByRole(AriaRole.LINK, named("See the documents")).first().click();
            assertThat(page.locator("h1")).hasText("Upload for Heart Rhythm Outcomes Study");
            assertThat(page.locator("table.documents")).containsText("clinic-export/labs/lab-report.pdf");
            assertThat(page.locator("tr[data-kind='ccda-ccd']")).containsText("Continuity of care document");
            assertThat(page.locator("tr[data-kind='pdf-lab-report']")).containsText("Lab report (PDF)");
            assertThat(page.locator("tr[data-kind='image']")).containsText("wound-photo.png");
            browser.screenshot("uploads-04-classified");

            page.getByRole(AriaRole.LINK, named("Back to Supporting Documents")).click();
            assertThat(page.locator(".my-data")).containsText("Ready for review");
            assertEquals(List.of(), problems, "no script errors or CSP violations");
        }
    }
}
