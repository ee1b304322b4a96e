package health.ferry.web;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import health.ferry.outcome.Outcome;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Errors are problem+json with a stable code under /api and a plain page elsewhere; never a stack trace. */
@QuarkusTest
class ProblemsTest {
    @Test
    void everyOutcomeHasAPlainLanguageTitle() {
        for (Outcome o : Outcome.values()) {
            assertDoesNotThrow(() -> WebMessages.class.getMethod(o.messageKey()), "message for " + o);
            org.junit.jupiter.api.Assertions.assertNotEquals(o.code(), Problems.title(o), "title for " + o);
        }
    }

    @Test
    void unknownApiRoutesAreProblemJson() {
        as("alice").get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("status", equalTo(404)).body("code", equalTo("not_found"))
                .body("type", containsString("not_found")).body("title", equalTo("Not found"));
    }

    @Test
    void wrongMethodIsAProblemToo() {
        as("alice").contentType("application/json").body("{}").patch("/api/v1/me").then().statusCode(405)
                .contentType("application/problem+json").body("code", equalTo("malformed_request"));
    }

    @Test
    void anApiCallWithoutCredentialsIsAskedToSignInNotRedirected() {
        io.restassured.RestAssured.given().redirects().follow(false).get("/api/v1/me").then().statusCode(401)
                .header("WWW-Authenticate", "Bearer").contentType("application/problem+json")
                .body("code", equalTo("not_authenticated")).body("title", equalTo("Please sign in"));
        io.restassured.RestAssured.given().redirects().follow(false).get("/records").then().statusCode(302);
    }

    @Test
    void unknownPagesAreAPlainPageWithoutInternals() {
        as("alice").get("/nothing-here").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("<h1>Not found</h1>"))
                .body(not(containsString("Exception"))).body(not(containsString("health.ferry")));
    }
}
