package health.ferry.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import health.ferry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 7: JSON that parses but does not fit the endpoint answers the contract's 400
 * {@code application/problem+json} with {@code errors[]}, not Quarkus' own {@code application/json} shape or an empty
 * body; the value that was sent is not echoed.
 */
@QuarkusTest
class InvalidJsonIsProblemJsonTest {
    private static String self() {
        return Tokens.as("alice").get("/api/v1/me").then().statusCode(200).extract()
                .path("people.find { it.relationship == 'self' }.id");
    }

    @Test
    void aValueOfTheWrongTypeIsAFieldError() {
        Tokens.as("alice").contentType(ContentType.JSON).body("{\"emailNotifications\":\"maybe\"}")
                .put("/api/v1/people/" + self() + "/settings").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("status", equalTo(400)).body("errors[0].field", equalTo("emailNotifications"))
                .body("errors[0].message", equalTo("Use true or false."))
                .body(not(containsString("objectName"))).body(not(containsString("maybe")));
    }

    @Test
    void aTopLevelArrayIsAProblemWithABody() {
        Tokens.as("alice").contentType(ContentType.JSON).body("[{\"emailNotifications\":true}]")
                .put("/api/v1/people/" + self() + "/settings").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("body"));
        Tokens.as("alice").contentType(ContentType.JSON).body("[1,2,3]").post("/api/v1/people").then()
                .statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("body"));
    }

    @Test
    void brokenJsonIsStillAMalformedRequestProblem() {
        Tokens.as("alice").contentType(ContentType.JSON).body("{\"emailNotifications\":")
                .put("/api/v1/people/" + self() + "/settings").then().statusCode(400)
                .contentType("application/problem+json").body("code", equalTo("malformed_request"));
    }
}
