package health.ferry.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import health.ferry.browser.Browser;
import health.ferry.connections.SandboxConnections;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.net.URL;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Casey's dashboard draws its charts with the charting library Ferry serves (ECharts on a canvas, no inline script),
 * and a click on a bar lists the participants behind it by study pseudonym: here, a participant whose portal locked
 * the account. The list is the study's coordinators' only.
 */
@QuarkusTest
class DashboardChartsBrowserTest {
    static final String HEART = "heart-rhythm-outcomes";
    static final String LOCKED = "/coordinator/studies/" + HEART + "/dashboard/failures/account_locked";
    /** Where bar {@code i} of the failures chart is on the page: half way along it, from the library's own scale. */
    static final String BAR_CENTRE = "i => { const el = document.querySelector('#chart-failures .chart-canvas'); "
            + "const row = document.querySelectorAll('#chart-table-failures tbody tr')[i]; "
            + "const p = echarts.getInstanceByDom(el).convertToPixel({seriesIndex: 0}, [Number(row.dataset.value) / 2, i]); "
            + "const box = el.getBoundingClientRect(); return [box.left + p[0], box.top + p[1]]; }";
    private static final Pattern PSEUDONYM = Pattern.compile("data-pseudonym=\"([^\"]+)\"");

    @TestHTTPResource("/")
    URL base;

    /** The pseudonyms the drill-down of the locked-out bar lists now (none while the study has no such bar). */
    private static Set<String> lockedOut() {
        Response page = as("casey").get(LOCKED);
        Set<String> found = new HashSet<>();
        if (page.statusCode() == 404) {
            return found;
        }
        assertEquals(200, page.statusCode());
        Matcher m = PSEUDONYM.matcher(page.asString());
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }

    @Test
    void chartsComeFromTheLibraryAndABarListsItsParticipants() {
        Set<String> before = lockedOut();
        String person = SandboxConnections.ward("alice", "Charted Charlie", "2011-04-04");
        as("alice").contentType(ContentType.JSON).body(Map.of("personId", person, "consentVersion", "2026-03"))
                .post("/api/v1/studies/" + HEART + "/enrollments").then().statusCode(201);
        SandboxConnections.failed("alice", person, "locked");
        Set<String> after = lockedOut();
        after.removeAll(before);
        assertEquals(1, after.size(), "the new participant is behind the locked-out bar: " + after);
        String pseudonym = after.iterator().next();
        // another study's coordinator does not learn who is behind the bar
        as("dana").get(LOCKED).then().statusCode(404);

        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "casey");
            page.navigate(base + "coordinator/studies/" + HEART + "/dashboard");
            for (String chart : List.of("funnel", "connections", "failures", "uploads", "records")) {
                assertThat(page.locator("#chart-" + chart + " .chart-canvas canvas")).isVisible();
            }
            assertTrue(Boolean.TRUE.equals(page.evaluate("() => typeof echarts === 'object' && "
                    + "!!echarts.getInstanceByDom(document.querySelector('#chart-failures .chart-canvas'))")),
                    "drawn by the charting library");
            assertThat(page.locator("#chart-failures details.chart-table")).not().hasAttribute("open", "");
            browser.screenshot("charts-01-dashboard");

            // the locked-out bar: its place in the chart is its row in the table behind it
            int index = ((Number) page.evaluate("() => Array.from(document.querySelectorAll("
                    + "'#chart-table-failures tbody tr')).findIndex(r => (r.dataset.href || '').endsWith("
                    + "'/account_locked'))")).intValue();
            assertTrue(index >= 0, "a bar for locked accounts");
            page.locator("#chart-failures").scrollIntoViewIfNeeded();
            List<?> at = (List<?>) page.evaluate(BAR_CENTRE, index);
            page.mouse().click(((Number) at.get(0)).doubleValue(), ((Number) at.get(1)).doubleValue());
            page.waitForURL(url -> url.endsWith("/dashboard/failures/account_locked"));
            assertThat(page.locator("h1")).containsText("Portal account locked");
            assertThat(page.locator("[data-testid=behind] li[data-pseudonym='" + pseudonym + "']"))
                    .hasText(pseudonym);
            assertEquals(0, page.getByText("Charted Charlie").count(), "the study sees pseudonyms, not names");
            browser.screenshot("charts-02-behind-a-bar");
        }
    }
}
