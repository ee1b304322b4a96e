package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;

import com.microsoft.playwright.Page;
import health.ferry.browser.Browser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The packaged Ferry against a real Keycloak (keycloak-quarkus-dist, realm from docker/) and PostgreSQL: a person
 * signs in on Keycloak's own login page in Chromium (authorization code flow with PKCE S256), lands on Ferry's home
 * page, signs out, and is signed out at Keycloak too. Sessions end where Keycloak ends them (security plan A8, A9):
 * after the realm's idle time, after its maximum lifetime however active the person is, and once the account is
 * disabled — each at the next token refresh, at most one access-token lifetime later.
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

    /**
     * Signs in on Keycloak's page in a fresh browser and lands on Ferry (a coordinator's home is their desk, so
     * not necessarily on /home).
     */
    private Page signIn(Browser browser, String user) {
        Page page = browser.page();
        page.navigate(ferry.baseUrl() + "/home");
        page.waitForURL(url -> url.startsWith(keycloak.issuer() + "/protocol/openid-connect/auth"));
        page.fill("#username", user);
        page.fill("#password", user);
        page.click("#kc-login");
        page.waitForURL(url -> url.startsWith(ferry.baseUrl() + "/"));
        return page;
    }

    /** Whether Ferry let the page through (true) or sent the browser to Keycloak to sign in again (false). */
    private boolean stillSignedIn(Page page) {
        page.navigate(ferry.baseUrl() + "/home");
        page.waitForLoadState();
        return page.url().startsWith(ferry.baseUrl() + "/");
    }

    /** Runs {@code proof} with the realm's token and session lifetimes changed, putting them back afterwards. */
    private void withRealm(Map<String, Object> settings, ThrowingRunnable proof) throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin(keycloak);
        JsonNode before = admin.realm();
        Map<String, Object> restore = new java.util.HashMap<>();
        settings.keySet().forEach(k -> restore.put(k, before.path(k).asInt()));
        admin.realm(settings);
        try {
            proof.run();
        } finally {
            admin.realm(restore);
        }
    }

    interface ThrowingRunnable {
        void run() throws Exception;
    }

    @Test
    void anIdleSessionEndsAfterTheRealmsIdleTime() throws Exception {
        withRealm(Map.of("accessTokenLifespan", 5, "ssoSessionIdleTimeout", 12), () -> {
            try (Browser browser = Browser.start()) {
                Page page = signIn(browser, "casey");
                Thread.sleep(7_000);
                assertTrue(stillSignedIn(page), "active within the idle time: the token is refreshed");
                Thread.sleep(16_000); // idle past 12 s (Keycloak adds a short skew allowance)
                assertFalse(stillSignedIn(page), "idle too long: Keycloak refuses the refresh, sign in again");
                assertTrue(page.url().startsWith(keycloak.issuer() + "/protocol/openid-connect/auth"), page.url());
                assertTrue(page.isVisible("#password"), "the password is asked for again");
            }
        });
    }

    @Test
    void anActiveSessionEndsAfterTheRealmsMaximumLifetime() throws Exception {
        withRealm(Map.of("accessTokenLifespan", 5, "ssoSessionIdleTimeout", 120, "ssoSessionMaxLifespan", 20), () -> {
            try (Browser browser = Browser.start()) {
                Page page = signIn(browser, "dana");
                long start = System.nanoTime();
                boolean signedIn = true;
                while (signedIn && System.nanoTime() - start < 60_000_000_000L) {
                    Thread.sleep(3_000); // busy all along: never idle
                    signedIn = stillSignedIn(page);
                }
                long seconds = (System.nanoTime() - start) / 1_000_000_000L;
                assertFalse(signedIn, "the session outlived the maximum lifetime");
                assertTrue(seconds >= 15, "not before the maximum lifetime: " + seconds + " s");
                assertTrue(page.isVisible("#password"), "the password is asked for again");
            }
        });
    }

    @Test
    void aDisabledAccountIsSignedOutAtTheNextRefresh() throws Exception {
        KeycloakAdmin admin = new KeycloakAdmin(keycloak);
        withRealm(Map.of("accessTokenLifespan", 5), () -> {
            try (Browser browser = Browser.start()) {
                Page page = signIn(browser, "bob");
                admin.enabled("bob", false);
                try {
                    Thread.sleep(7_000); // past the access token's lifetime
                    assertFalse(stillSignedIn(page), "the refresh for a disabled account is refused");
                    assertTrue(page.url().startsWith(keycloak.issuer()), page.url());
                } finally {
                    admin.enabled("bob", true);
                }
            }
        });
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
            assertTrue(authorization.contains("nonce="), "Ferry sends a nonce, and prod requires it back in the ID "
                    + "token (quarkus.oidc.authentication.nonce-required): " + authorization);
            browser.screenshot("proof-keycloak-login");

            page.fill("#username", "alice");
            page.fill("#password", "alice");
            page.click("#kc-login");
            page.waitForURL(url -> url.startsWith(ferry.baseUrl() + "/home"));
            assertTrue(page.content().contains("Alice"), "Ferry's home page greets the signed-in person");
            assertTrue(page.context().cookies().stream().anyMatch(c -> c.name.equals("q_session_ferry") || c.name.startsWith("q_session_ferry_chunk_")),
                    "Ferry keeps the session in its encrypted cookie (in chunks when Keycloak's tokens are large), of "
                            + "the sign-in tenant it connected on the first request (accounts.SignInTenant), not while "
                            + "it started: " + page.context().cookies().stream().map(c -> c.name).toList());
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
