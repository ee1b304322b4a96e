package health.ferry.uploads;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.Cookie;
import health.ferry.browser.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Casey checks the lab values read from a lab report beside its page, in a real browser: confirms one result, corrects
 * one (after a refused bad value, which keeps what was typed), drops one. Alice, acting for her ward, then has exactly
 * two pending lab results to accept.
 */
@QuarkusTest
class LabResultsBrowserTest {
    @TestHTTPResource("/")
    URL base;

    private static Locator.GetByRoleOptions button(String name) {
        return new Locator.GetByRoleOptions().setName(name).setExact(true);
    }

    @Test
    void caseyConfirmsCorrectsAndDropsAndAliceHasTwoPendingLabResults() throws Exception {
        LabResultsApiTest.Lab lab = LabResultsApiTest.labUpload("Browser Lab Bo");
        List<Map<String, Object>> results = LabResultsApiTest.results(lab.document());
        String hemoglobin = LabResultsApiTest.resultOf(results, "Hemoglobin");
        String wbc = LabResultsApiTest.resultOf(results, "WBC");
        String sodium = LabResultsApiTest.resultOf(results, "Sodium");
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "casey");
            page.navigate(base + "coordinator/documents/" + lab.document());
            assertThat(page.locator(".with-labs img.pdf-page >> nth=0")).isVisible();
            Locator hb = page.locator("#lab-" + hemoglobin);
            assertThat(hb.locator("tr[data-field='value'] input[name='f_value']")).hasValue("13.2");
            browser.screenshot("labs-01-beside-the-page");

            hb.getByRole(AriaRole.BUTTON, button("Save this result")).click();
            assertThat(page.locator("#lab-" + hemoglobin)).hasAttribute("data-outcome", "recorded");

            Locator w = page.locator("#lab-" + wbc);
            w.locator("input[name='f_value']").fill("1l.2");
            w.getByRole(AriaRole.BUTTON, button("Save this result")).click();
            Locator refused = page.locator("#lab-" + wbc);
            assertThat(refused.locator("[data-field-error='value']")).containsText("not a number");
            assertThat(refused.locator("input[name='f_value']")).hasValue("1l.2");
            browser.screenshot("labs-02-refused-value");
            refused.locator("input[name='f_value']").fill("11.2");
            refused.getByRole(AriaRole.BUTTON, button("Save this result")).click();
            assertThat(page.locator("#lab-" + wbc)).hasAttribute("data-outcome", "recorded");
            assertThat(page.locator("#lab-" + wbc + " dd[data-field='value']")).hasAttribute("data-decision",
                    "corrected");

            page.locator("#lab-" + sodium).getByRole(AriaRole.BUTTON, button("Drop this result")).click();
            assertThat(page.locator("#lab-" + sodium)).hasAttribute("data-outcome", "dropped");
            browser.screenshot("labs-03-decided");
        }
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "alice");
            page.context().addCookies(List.of(new Cookie("ferry_acting", lab.person()).setUrl(base.toString())));
            page.navigate(base + "records");
            Locator labs = page.locator("fieldset.record-category[data-category='lab_results']");
            assertThat(labs).hasAttribute("data-total", "2");
            assertThat(labs.locator("input[name='record']")).hasCount(2);
            browser.screenshot("labs-04-participant-pending");
        }
    }
}
