package health.ferry.web;

import static health.ferry.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

/** Security headers on every kind of response: pages, API, errors, static files, redirects. */
@QuarkusTest
class SecurityHeadersTest {
    static void assertHardened(ValidatableResponse r) {
        r.header("Content-Security-Policy", containsString("default-src 'self'"))
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", not(containsString("unsafe-inline")))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("Content-Security-Policy", containsString("object-src 'none'"))
                .header("Content-Security-Policy", containsString("base-uri 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Referrer-Policy", equalTo("no-referrer"))
                .header("Cross-Origin-Opener-Policy", equalTo("same-origin"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    @Test
    void publicPage() {
        assertHardened(given().get("/").then().statusCode(200).header("Cache-Control", equalTo("no-store")));
    }

    @Test
    void signedInPageAndApi() {
        assertHardened(as("alice").get("/home").then().statusCode(200).header("Cache-Control", equalTo("no-store")));
        assertHardened(as("alice").get("/api/v1/me").then().statusCode(200));
    }

    @Test
    void errorsAndNotFound() {
        assertHardened(as("alice").get("/api/v1/people/00000000-0000-0000-0000-000000000000").then().statusCode(404));
        assertHardened(as("alice").get("/no/such/page").then().statusCode(404));
        assertHardened(given().get("/static/missing.css").then().statusCode(404));
    }

    @Test
    void staticFilesAndRedirects() {
        assertHardened(given().get("/static/ferry.css").then().statusCode(200));
        assertHardened(given().redirects().follow(false).get("/home").then().statusCode(302));
    }

    @Test
    void healthAndOpenApi() {
        assertHardened(given().get("/q/health").then().statusCode(200).body("status", equalTo("UP")));
    }

    @Test
    void noHstsOverPlainHttpInTests() {
        // HSTS is sent in prod only (ferry.web.hsts), where Ferry is served over HTTPS.
        given().get("/").then().header("Strict-Transport-Security", org.hamcrest.Matchers.nullValue());
        org.junit.jupiter.api.Assertions.assertTrue(SecurityHeaders.HSTS.startsWith("max-age=31536000"));
    }
}
