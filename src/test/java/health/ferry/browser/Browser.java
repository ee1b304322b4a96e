package health.ferry.browser;

import com.microsoft.playwright.Browser.NewContextOptions;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's, never a downloaded one) driven by Playwright for browser tests. Screenshots land in
 * target/screenshots. Tests are skipped where no Chromium is installed; CI installs it (.ci/run).
 *
 * <p>Every page a test screenshots is also checked, at its width and again at a 390 px phone's: axe-core (installed
 * by the build into target/axe, see the pom's axe-core profile) finds no critical or serious violation, and the page
 * does not scroll sideways. The phone-width screenshot is saved beside the other as {name}-390.png.
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("ferry.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final Path AXE = Path.of(System.getProperty("ferry.axe", "target/axe/node_modules/axe-core/axe.min.js"));
    static final int PHONE_WIDTH = 390;
    static final int PHONE_HEIGHT = 844;
    /** Critical and serious violations, as "rule: element, element" lines. */
    static final String AXE_RUN = "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
            + ".filter(v => v.impact === 'critical' || v.impact === 'serious')"
            + ".map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))";
    static final List<String> FLAGS = List.of("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
            "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage");

    private final Playwright playwright;
    private final com.microsoft.playwright.Browser browser;
    private final BrowserContext context;
    private final Page page;

    private Browser() {
        playwright = Playwright.create(new Playwright.CreateOptions()
                .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(CHROMIUM)
                .setHeadless(true).setArgs(FLAGS));
        context = browser.newContext(new NewContextOptions().setViewportSize(1280, 900));
        context.setDefaultTimeout(15_000);
        if (Files.isReadable(AXE)) {
            context.addInitScript(AXE);
        }
        page = context.newPage();
    }

    /** Starts a browser, or skips the test when this machine has no Chromium. */
    public static Browser start() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium not installed at " + CHROMIUM);
        return new Browser();
    }

    public Page page() {
        return page;
    }

    /** Signs in through the built-in OIDC dev server's login page (one button per demo user). */
    public void signIn(String baseUrl, String username) {
        page.navigate(baseUrl + "home");
        page.locator("button[name='predefined-" + username + "']").click();
        page.waitForURL(url -> url.startsWith(baseUrl));
    }

    /**
     * Saves a full-page screenshot as target/screenshots/{name}.png, then checks the page (axe, no sideways scroll)
     * and does both again at a phone's width ({name}-390.png) before the viewport is set back.
     */
    public Path screenshot(String name) {
        Path file = shoot(name);
        check(name);
        com.microsoft.playwright.options.ViewportSize size = page.viewportSize();
        if (size != null && size.width > PHONE_WIDTH) {
            page.setViewportSize(PHONE_WIDTH, PHONE_HEIGHT);
            try {
                shoot(name + "-" + PHONE_WIDTH);
                check(name + " at " + PHONE_WIDTH + " px");
            } finally {
                page.setViewportSize(size.width, size.height);
            }
        }
        return file;
    }

    private Path shoot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The page as shown now: no critical or serious axe violation, no sideways scrolling. */
    public void check(String what) {
        Object overflow = page.evaluate("() => document.documentElement.scrollWidth - window.innerWidth");
        Assertions.assertTrue(((Number) overflow).intValue() <= 0, what + " (" + page.url() + ") scrolls sideways by "
                + overflow + " px");
        Assertions.assertEquals(List.of(), axe(), what + " (" + page.url() + "): axe-core violations");
    }

    /** Runs axe-core in the page (an init script of the context, so the page's CSP still holds for its own). */
    public List<?> axe() {
        Assertions.assertTrue(Boolean.TRUE.equals(page.evaluate("() => typeof window.axe === 'object'")),
                "axe-core is missing at " + AXE + ": the build installs it (./mvnw generate-test-resources, "
                        + "profile axe-core)");
        return (List<?>) page.evaluate(AXE_RUN);
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
