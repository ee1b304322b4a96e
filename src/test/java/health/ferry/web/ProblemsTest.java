package health.ferry.web;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;

import health.ferry.outcome.Outcome;
import health.ferry.studies.Study;
import health.ferry.studies.StudyCatalog;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
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

    /** What the failure below says about itself: internals a response must never show. */
    private static final String INTERNALS = "jdbc:postgresql://db.internal:5432/ferry password=hunter2 at row 7";

    /** Breaks the studies catalogue, which both {@code GET /api/v1/studies} and the {@code /studies} page read. */
    private static void breakTheCatalogue() {
        QuarkusMock.installMockForType(new StudyCatalog() {
            @Override
            public List<Study> all() {
                throw new IllegalStateException(INTERNALS, new java.sql.SQLSyntaxErrorException(INTERNALS));
            }
        }, StudyCatalog.class);
    }

    /** The references Problems logged while {@code action} ran (its log lines, which the response's id must match). */
    private static List<String> loggedFailures(Runnable action) {
        List<String> lines = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord r) {
                Object[] params = r.getParameters();
                lines.add(params == null ? r.getMessage() : String.format(r.getMessage(), params));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger logger = Logger.getLogger(Problems.class.getName());
        logger.addHandler(capture);
        try {
            action.run();
        } finally {
            logger.removeHandler(capture);
        }
        return lines;
    }

    private static void noInternals(String body) {
        for (String secret : new String[] {"hunter2", "db.internal", "jdbc:", "IllegalStateException",
            "SQLSyntaxErrorException", "health.ferry", "java.", "at row", "\tat ", "StudyCatalog"}) {
            org.junit.jupiter.api.Assertions.assertFalse(body.contains(secret), secret + " in " + body);
        }
    }

    @Test
    void anUnexpectedFailureOnAnApiRouteIsAGenericProblemWithAReferenceThatIsLogged() {
        breakTheCatalogue();
        String[] body = new String[1];
        List<String> logged = loggedFailures(() -> body[0] = as("alice").get("/api/v1/studies").then()
                .statusCode(500).contentType("application/problem+json").body("status", equalTo(500))
                .body("code", equalTo("internal_error")).body("title", equalTo("Something went wrong on our side"))
                .body("detail", containsString("quote the reference"))
                .body("reference", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}")).extract().asString());
        noInternals(body[0]);
        String reference = io.restassured.path.json.JsonPath.from(body[0]).getString("reference");
        org.junit.jupiter.api.Assertions.assertTrue(logged.stream().anyMatch(l -> l.contains(reference)
                && l.contains("/api/v1/studies") && l.contains("IllegalStateException")), "logged: " + logged);
        // The log names classes and frames, never the exception's message (it may quote user input).
        org.junit.jupiter.api.Assertions.assertTrue(logged.stream().noneMatch(l -> l.contains("hunter2")), "" + logged);
    }

    @Test
    void anUnexpectedFailureOnAPageIsAPlainPageWithAReferenceAndNoInternals() {
        breakTheCatalogue();
        String[] body = new String[1];
        List<String> logged = loggedFailures(() -> body[0] = as("alice").get("/studies").then().statusCode(500)
                .contentType(containsString("text/html")).body(containsString("<h1>Something went wrong on our side</h1>"))
                .extract().asString());
        noInternals(body[0]);
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
                + "[0-9a-f]{12}").matcher(body[0]);
        org.junit.jupiter.api.Assertions.assertTrue(m.find(), "a reference on the page: " + body[0]);
        String reference = m.group();
        org.junit.jupiter.api.Assertions.assertTrue(logged.stream().anyMatch(l -> l.contains(reference)
                && l.contains("/studies")), "logged: " + logged);
    }

    @Test
    void onlyAnUnreachableDatabaseIsServiceUnavailable() {
        java.util.function.Function<java.sql.SQLException, Throwable> wrapped = e ->
                new jakarta.persistence.PersistenceException(new RuntimeException(e));
        for (String state : new String[] {"08001", "08006", "57P01", "57P03", "53300"}) {
            org.junit.jupiter.api.Assertions.assertTrue(Problems.databaseUnavailable(
                    wrapped.apply(new java.sql.SQLException("down", state))), state);
        }
        org.junit.jupiter.api.Assertions.assertTrue(Problems.databaseUnavailable(
                new java.sql.SQLException("Sorry, acquisition timeout!")), "the pool's timeout");
        org.junit.jupiter.api.Assertions.assertTrue(Problems.databaseUnavailable(
                new RuntimeException(new java.sql.SQLTransientConnectionException("gone"))));
        for (String state : new String[] {"23505", "40001", "42P01", "22001"}) {
            org.junit.jupiter.api.Assertions.assertFalse(Problems.databaseUnavailable(
                    wrapped.apply(new java.sql.SQLException("a bug or a conflict", state))), state);
        }
        org.junit.jupiter.api.Assertions.assertFalse(Problems.databaseUnavailable(new IllegalStateException(
                "acquisition timeout")), "only the pool's SQLException, not any message");
    }
}
