package health.ferry.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static health.ferry.records.MeasurementFixtures.acceptAll;
import static health.ferry.records.MeasurementFixtures.bloodPressure;
import static health.ferry.records.MeasurementFixtures.child;
import static health.ferry.records.MeasurementFixtures.lab;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.SelectOption;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The return of value: Alice, acting for her child, sees a chart per lab test and vital sign on the timeline
 * (glucose from a portal and from a confirmed lab report, blood pressure's systolic and diastolic), the normal
 * range shaded, the unit named and the dates written as people write them; at 1280 px and on a phone.
 */
@QuarkusTest
class ReturnOfValueBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Inject
    RecordStore store;

    @Test
    void aChartPerTestWithItsRange() {
        UUID person = child("alice", "Valued Vera");
        RecordSource portal = RecordSource.connection(UUID.randomUUID());
        RecordSource upload = RecordSource.upload(UUID.randomUUID());
        store.upsert(person, portal, lab("rg1", "2345-7", "Glucose", "2024-01-10", "98", "mg/dL", "70", "99"));
        store.upsert(person, upload, lab("rg2", "2345-7", "Glucose", "2024-02-14", "106", "mg/dL", "70", "99"));
        store.upsert(person, portal, lab("rg3", "2345-7", "Glucose", "2024-03-12", "93", "mg/dL", "70", "99"));
        store.upsert(person, portal, lab("rg4", "2345-7", "Glucose", "2024-05-02", "101", "mg/dL", "70", "99"));
        store.upsert(person, portal, bloodPressure("rb1", "2024-01-10", 128, 84));
        store.upsert(person, portal, bloodPressure("rb2", "2024-03-12", 121, 79));
        store.upsert(person, upload, bloodPressure("rb3", "2024-05-02", 117, 76));
        acceptAll("alice", person);

        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "alice");
            page.navigate(base + "home");
            page.getByLabel("Acting for").selectOption(new SelectOption().setLabel("Valued Vera"));
            page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Switch")).click();
            page.navigate(base + "records/timeline");

            Locator glucose = page.locator(".measurement[data-code='2345-7']");
            Locator pressure = page.locator(".measurement[data-code='85354-9']");
            assertThat(glucose.locator("h3")).hasText("Glucose (mg/dL)");
            assertThat(glucose.locator("canvas")).isVisible();
            assertThat(glucose).containsText("4 values, latest 101 mg/dL on 2 May 2024");
            assertThat(glucose).containsText("Normal range: 70 to 99 mg/dL");
            assertThat(pressure.locator("h3")).hasText("Blood pressure panel (mmHg)");
            assertThat(pressure.locator("canvas")).isVisible();
            assertThat(pressure).containsText("Systolic blood pressure: 3 values, latest 117 mmHg on 2 May 2024");
            assertThat(pressure).containsText("Normal range: 60 to 80 mmHg");
            // drawn by the library: a line per measured code, each with its normal range as a shaded band
            assertEquals(1, ((Number) page.evaluate("() => echarts.getInstanceByDom(document.querySelector("
                    + "\".measurement[data-code='2345-7'] .chart-canvas\")).getOption().series[0].markArea.data.length"))
                    .intValue());
            assertEquals(2, ((Number) page.evaluate("() => echarts.getInstanceByDom(document.querySelector("
                    + "\".measurement[data-code='85354-9'] .chart-canvas\")).getOption().series.length")).intValue());
            // the values stay readable without the chart: a table folded under it
            glucose.locator("details.chart-table summary").click();
            assertThat(glucose.locator("table time[datetime='2024-02-14']")).hasText("14 Feb 2024");
            browser.screenshot("rov-01-timeline-charts");
        }
    }
}
