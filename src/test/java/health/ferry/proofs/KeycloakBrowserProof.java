package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.microsoft.playwright.Page;
import health.ferry.browser.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged Ferry against a real Keycloak (keycloak-quarkus-dist, realm from docker/) and PostgreSQL: a person
 * signs in on Keycloak's own login page in Chromium (authorization code flow with PKCE S256), lands on Ferry's home
 * page, signs out, and is signed out at Keycloak too.
 */
@Tag("proofs")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeycloakBrowserProof {
    private ProofDatabase db;
    private KeycloakServer keycloak;
    private FerryInstance ferry;

    @BeforeAll
    void start() throws Exception {
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        Prerequisites.chromium();
        keycloak = KeycloakServer.shared("http://localhost:" + Prerequisites.port(10));
        db = new ProofDatabase("browser");
        Path uploads = Files.createDirectories(Processes.LOGS.resolve("browser-uploads-" + UUID.randomUUID()));
        ferry = new FerryInstance.Cluster(keycloak, db, uploads).instance("browser", Prerequisites.port(10)).start();
    }

    @AfterAll
    void stop() throws Exception {
        if (ferry != null) {
            ferry.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void signInOnKeycloaksPageWithPkceAndSignOutEverywhere() {
        try (Browser browser = Browser.start()) {
            Page page = browser.page();
            page.navigate(ferry.baseUrl() + "/home");
            page.waitForURL(url -> url.startsWith(keycloak.issuer() + "/protocol/openid-connect/auth"));
            String authorization = page.url();
            assertTrue(authorization.contains("code_challenge_method=S256") && authorization.contains("code_challenge="),
                    "Ferry asks with a PKCE S256 challenge: " + authorization);
            assertTrue(authorization.contains("client_id=ferry"), authorization);
            browser.screenshot("proof-keycloak-login");

            page.fill("#username", "alice");
            page.fill("#password", "alice");
            page.click("#kc-login");
            page.waitForURL(url -> url.startsWith(ferry.baseUrl() + "/home"));
            assertTrue(page.content().contains("Alice"), "Ferry's home page greets the signed-in person");
            assertTrue(page.context().cookies().stream().anyMatch(c -> c.name.startsWith("q_session")),
                    "Ferry keeps the session in its encrypted cookie");
            browser.screenshot("proof-keycloak-home");

            page.click("form.sign-out button");
            page.waitForURL(url -> url.startsWith(ferry.baseUrl() + "/signed-out"));
            browser.screenshot("proof-keycloak-signed-out");

            // Keycloak's session ended too: going back to Ferry asks for the password again.
            page.navigate(ferry.baseUrl() + "/home");
            page.waitForURL(url -> url.startsWith(keycloak.issuer() + "/protocol/openid-connect/auth"));
            assertTrue(page.isVisible("#password"), "signed out at Keycloak: the login form is shown again");
        }
    }
}
