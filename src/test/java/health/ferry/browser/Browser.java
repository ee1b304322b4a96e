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
import org.junit.jupiter.api.Assumptions;

/**
 * Headless Chromium (Debian's, never a downloaded one) driven by Playwright for browser tests. Screenshots land in
 * target/screenshots. Tests are skipped where no Chromium is installed; CI installs it (.ci/run).
 */
public final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of(System.getProperty("ferry.chromium", "/usr/bin/chromium"));
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
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

    /** Saves a full-page screenshot as target/screenshots/{name}.png. */
    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    @Override
    public void close() {
        context.close();
        browser.close();
        playwright.close();
    }
}
