package health.ferry.review;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import health.ferry.browser.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Casey's desk as she sees it: she lands on her studies, and the queue, a package and the dashboard fit a 1280 px
 * screen and a 390 px phone without sideways scrolling (screenshots in target/screenshots/desk-*).
 */
@QuarkusTest
class CoordinatorDeskBrowserTest {
    @TestHTTPResource("/")
    URL base;

    @Test
    void theDeskFitsAWideScreenAndAPhone() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Desk Devon");
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            browser.signIn(base.toString(), "casey");
            page.navigate(base + "home");
            assertTrue(page.url().endsWith("/coordinator"), page.url());
            assertThat(page.locator("[data-study='heart-rhythm-outcomes']")).isVisible();
            String[][] pages = {{"desk", "coordinator"}, {"queue", "coordinator/studies/heart-rhythm-outcomes/queue"},
                {"package", "coordinator/uploads/" + p.upload()},
                {"dashboard", "coordinator/studies/heart-rhythm-outcomes/dashboard"},
                {"document", "coordinator/documents/" + p.doc("lab.pdf")}};
            for (int width : new int[] {1280, 390}) {
                page.setViewportSize(width, width == 390 ? 844 : 900);
                for (String[] shown : pages) {
                    page.navigate(base + shown[1]);
                    assertThat(page.locator("h1")).isVisible();
                    Object fits = page.evaluate("() => document.documentElement.scrollWidth <= window.innerWidth");
                    browser.screenshot("desk-" + shown[0] + "-" + width);
                    assertTrue(Boolean.TRUE.equals(fits), shown[0] + " scrolls sideways at " + width + " px: "
                            + page.evaluate("() => document.documentElement.scrollWidth"));
                }
            }
            // The PDF preview shows the page itself: an image Ferry rendered, loaded and of a real size.
            page.navigate(base + "coordinator/documents/" + p.doc("lab.pdf"));
            com.microsoft.playwright.Locator pdfPage = page.locator("img.pdf-page").first();
            pdfPage.scrollIntoViewIfNeeded();
            page.waitForFunction("() => { const i = document.querySelector('img.pdf-page'); "
                    + "return i && i.complete && i.naturalWidth > 0; }");
            Object natural = pdfPage.evaluate("i => i.naturalWidth");
            assertTrue(((Number) natural).intValue() > 300, "the PDF page is drawn: " + natural + " px wide");
            assertEquals(0, page.locator("iframe, embed, object").count(), "no plugin frame");
            browser.screenshot("desk-pdf-preview");
            // The package is compact: four documents fit well within two screens at 1280 px.
            page.setViewportSize(1280, 900);
            page.navigate(base + "coordinator/uploads/" + p.upload());
            Object height = page.evaluate("() => document.documentElement.scrollHeight");
            assertTrue(((Number) height).intValue() < 1800, "package page is " + height + " px tall");
        }
    }
}
