package health.ferry.web;

import static org.hamcrest.Matchers.containsString;

import health.ferry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Issue 22, item 11: error pages say their charset ({@code text/html;charset=UTF-8}) like every other page. */
@QuarkusTest
class ErrorPageCharsetTest {
    @Test
    void errorPagesAreUtf8Html() {
        Tokens.as("alice").get("/nothing-here").then().statusCode(404)
                .header("Content-Type", "text/html;charset=UTF-8").body(containsString("<h1>Not found</h1>"));
        Tokens.as("alice").get("/account/people/not-a-person/edit").then().statusCode(404)
                .header("Content-Type", "text/html;charset=UTF-8");
        Tokens.as("alice").redirects().follow(false).contentType("application/json").body("{}")
                .post("/account/people").then().statusCode(415)
                .header("Content-Type", "text/html;charset=UTF-8");
    }
}
