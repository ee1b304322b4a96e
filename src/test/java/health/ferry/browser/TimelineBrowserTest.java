package health.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import health.ferry.connections.SandboxConnections;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** Alice syncs now, reviews the pending records, unselects one category, adds the rest and sees them on the timeline. */
@QuarkusTest
class TimelineBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void aliceSyncsReviewsAndSeesTheTimeline() {
        String person = SandboxConnections.ward("alice", "Tess Timeline", "2012-09-10");
        String c = SandboxConnections.connected("alice", person, "demo");
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "alice");
            page.navigate(base + "home");
            page.getByLabel("Acting for").selectOption(new SelectOption().setLabel("Tess Timeline"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch")).click();

            page.navigate(base + "connections/" + c);
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sync now")).click();
            long deadline = System.currentTimeMillis() + 180_000;
            while (page.locator("[data-testid=last-sync]").count() == 0 && System.currentTimeMillis() < deadline) {
                page.waitForTimeout(500);
                page.reload();
            }
            // the run may still be fetching on a loaded machine: the page follows it by itself
            assertThat(page.locator("[data-testid=last-sync]")).containsText("new or updated records",
                    new com.microsoft.playwright.assertions.LocatorAssertions.ContainsTextOptions().setTimeout(60_000));
            browser.screenshot("40-synced");

            page.navigate(base + "records");
            page.locator(".record-category[data-category=vital_signs]")
                    .getByRole(AriaRole.BUTTON, new com.microsoft.playwright.Locator.GetByRoleOptions()
                            .setName("Select none")).click();
            // the pages show a bounded part of each category; the category box covers the rest
            int vitals = Integer.parseInt(page.locator(".record-category[data-category=vital_signs]")
                    .getAttribute("data-total"));
            int all = ((Number) page.locator("#pending-records .record-category")
                    .evaluateAll("gs => gs.reduce((n, g) => n + Number(g.dataset.total), 0)")).intValue();
            assertTrue(vitals > 0 && all > vitals);
            browser.screenshot("41-review-unselected");
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Add selected")).click();
            assertThat(page.locator("[data-testid=decided]")).containsText((all - vitals) + " records added");
            assertEquals(1, page.locator("#pending-records .record-category").count(), "only vital signs wait");
            assertEquals(String.valueOf(vitals), page.locator(".record-category[data-category=vital_signs]")
                    .getAttribute("data-total"), "the vital signs still wait");

            page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Timeline")).click();
            assertThat(page.locator("h1")).containsText("Timeline of Tess Timeline's records");
            assertEquals(all - vitals, page.locator("[data-testid=timeline] li").count());
            assertEquals(0, page.locator("[data-testid=timeline] li[data-category=vital_signs]").count());
            String firstYear = page.locator(".timeline-year").first().getAttribute("data-year");
            String secondYear = page.locator(".timeline-year").nth(1).getAttribute("data-year");
            assertTrue(secondYear.equals("none") || Integer.parseInt(firstYear) > Integer.parseInt(secondYear),
                    "newest year first");
            browser.screenshot("42-timeline");
        }
    }
}
