package health.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.BoundingBox;
import com.microsoft.playwright.options.Cookie;
import health.ferry.Tokens;
import health.ferry.connections.SandboxConnections;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Records review on a 390 px phone and a 1280 px screen (issue 24): the action bar stays in view with the live
 * selection count, categories fold, each record names its source, deleting asks first naming the count, and
 * switching every category off warns. Every screenshot is also checked by axe-core and for sideways scrolling.
 */
@QuarkusTest
class RecordsReviewBrowserTest {
    @Inject
    RecordStore store;

    @TestHTTPResource("/")
    URL base;

    private static String resource(String type, String id, String text) {
        return "{\"resourceType\":\"" + type + "\",\"id\":\"" + id + "\",\"code\":{\"text\":\"" + text
                + "\"},\"recordedDate\":\"" + java.time.LocalDate.now() + "\"}";
    }

    @Test
    void theActionBarCountsTheSelectionOnAPhoneAndDeletingAsksFirst() {
        String ward = SandboxConnections.ward("frank", "Phone Pia", "2014-04-04");
        String connection = SandboxConnections.connected("frank", ward, "demo");
        UUID person = UUID.fromString(ward);
        for (int i = 0; i < 15; i++) {
            store.upsert(person, RecordSource.connection(UUID.fromString(connection)),
                    resource("Condition", "phone-c" + i, "Phone condition " + i));
        }
        RecordSource upload = RecordSource.upload(UUID.randomUUID());
        for (int i = 0; i < 3; i++) {
            store.upsert(person, upload, resource("Procedure", "phone-p" + i, "Phone procedure " + i));
        }
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "frank");
            page.context().addCookies(List.of(new Cookie("ferry_acting", ward).setUrl(base.toString())));
            page.setViewportSize(390, 844);
            page.navigate(base + "records");
            // 10 of 15 conditions shown, the category box covers the other 5; 3 procedures.
            assertThat(page.locator("[data-selection-count]")).hasText("18 selected");
            page.locator("#pending-conditions input[name=record]").first().uncheck();
            assertThat(page.locator("[data-selection-count]")).hasText("17 selected");
            BoundingBox bar = page.locator("[data-action-bar]").boundingBox();
            assertTrue(bar.y + bar.height <= 844.5, "the action bar is in view at the top of a long page: " + bar.y);
            assertThat(page.locator("#pending-conditions .source-badge").first()).hasText("From: the portal of "
                    + Tokens.as("frank").get("/api/v1/connections/" + connection).jsonPath().getString("portalName"));
            assertThat(page.locator("#pending-procedures .source-badge").first())
                    .containsText("From: ");
            browser.screenshot("50-records-review-390");

            // Folding a category hides its records; the selection stays.
            page.locator("#pending-procedures summary").click();
            assertThat(page.getByText("Phone procedure 0")).isHidden();
            assertThat(page.locator("[data-selection-count]")).hasText("17 selected");
            page.locator("#pending-procedures summary").click();

            page.setViewportSize(1280, 900);
            browser.screenshot("51-records-review");

            // Delete selected: a step of its own, naming the count; "No, keep them" keeps them.
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Delete selected…")).click();
            assertThat(page.locator("h1")).hasText("Delete 17 records for good?");
            browser.screenshot("52-delete-confirm");
            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("No, keep them")).click();
            assertEquals(18, Tokens.as("frank").get("/api/v1/people/" + ward + "/records").jsonPath()
                    .getInt("total"), "nothing deleted");

            // Every category off: saved, with a warning that nothing will be imported.
            page.navigate(base + "records/settings");
            page.locator("input[name=category]").all().forEach(box -> box.uncheck());
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Done")).click();
            assertThat(page.locator("[data-saved]")).containsText("Saved.");
            assertThat(page.locator("[data-testid=none-on]")).containsText("nothing will be imported");
            browser.screenshot("53-settings-none-on");

            // The consent reads as paragraphs in a box the keyboard can scroll (axe checks it).
            page.navigate(base + "studies/heart-rhythm-outcomes");
            assertTrue(page.locator(".consent-text p").count() >= 4, "paragraphs");
            browser.screenshot("54-consent");
        }
    }
}
