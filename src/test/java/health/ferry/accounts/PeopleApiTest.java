package health.ferry.accounts;

import static health.ferry.Tokens.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** JSON API v1 for the account and its people, with real bearer tokens from the OIDC dev server. */
@QuarkusTest
class PeopleApiTest {
    static final Map<String, Object> SAM = Map.of("displayName", "Sam Carter", "birthDate", "2014-05-02",
            "relationship", "child", "authorityAttested", true);

    static String addWard(String owner, Map<String, Object> body) {
        return as(owner).contentType(ContentType.JSON).body(body).post("/api/v1/people").then().statusCode(201)
                .header("Location", containsString("/api/v1/people/")).extract().path("id");
    }

    @Test
    void firstSignInCreatesTheAccountWithItsSelfPerson() {
        as("erin").get("/api/v1/me").then().statusCode(200)
                .body("account.username", equalTo("erin"))
                .body("account.roles", hasItem("participant"))
                .body("account.id", notNullValue())
                .body("people[0].relationship", equalTo("self"));
        // A second request finds the same account, not a new one.
        String first = as("erin").get("/api/v1/me").then().extract().path("account.id");
        as("erin").get("/api/v1/me").then().body("account.id", equalTo(first));
    }

    @Test
    void ownerAddsReadsEditsAndRemovesAWard() {
        String id = addWard("alice", SAM);
        as("alice").get("/api/v1/people/" + id).then().statusCode(200)
                .body("displayName", equalTo("Sam Carter")).body("birthDate", equalTo("2014-05-02"))
                .body("relationship", equalTo("child"));
        as("alice").get("/api/v1/me").then().body("people.id", hasItem(id));
        as("alice").contentType(ContentType.JSON).body(Map.of("displayName", "Samuel Carter", "birthDate",
                "2014-05-02", "relationship", "ward", "authorityAttested", true)).put("/api/v1/people/" + id)
                .then().statusCode(200).body("displayName", equalTo("Samuel Carter"))
                .body("relationship", equalTo("ward"));
        as("alice").delete("/api/v1/people/" + id).then().statusCode(204);
        as("alice").get("/api/v1/people/" + id).then().statusCode(404);
        as("alice").get("/api/v1/people").then().body("items.id", not(hasItem(id)));
    }

    @Test
    void invalidWardDetailsAreProblemsNamingEachField() {
        as("alice").contentType(ContentType.JSON).body(Map.of("displayName", " ", "birthDate", "2099-01-01",
                "relationship", "self")).post("/api/v1/people").then().statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("validation_failed"))
                .body("errors.field", hasItems("displayName", "birthDate", "relationship", "authorityAttested"));
        as("alice").contentType(ContentType.JSON).body(Map.of("displayName", "X", "birthDate", "02/05/2014",
                "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then().statusCode(400)
                .body("errors[0].field", equalTo("birthDate"))
                .body("errors[0].message", containsString("YYYY-MM-DD"));
    }

    @Test
    void malformedJsonAndWrongMediaTypeAreProblemsWithoutStackTraces() {
        String body = as("alice").contentType(ContentType.JSON).body("{\"displayName\": ").post("/api/v1/people")
                .then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("malformed_request")).extract().asString();
        assertTrue(!body.contains("Exception") && !body.contains("at health."), body);
        as("alice").contentType(ContentType.TEXT).body("displayName=x").post("/api/v1/people").then()
                .statusCode(415).body("code", equalTo("unsupported_media_type"));
    }

    @Test
    void theSelfPersonCannotBeRemoved() {
        String self = as("alice").get("/api/v1/me").then().extract().path("people[0].id");
        as("alice").delete("/api/v1/people/" + self).then().statusCode(409)
                .body("code", equalTo("self_person_not_removable"));
    }

    @Test
    void anotherParticipantCannotReadOrChangeSomeoneElsesPeople() {
        String ward = addWard("alice", SAM);
        as("bob").get("/api/v1/people/" + ward).then().statusCode(404).body("code", equalTo("not_found"));
        as("bob").contentType(ContentType.JSON).body(SAM).put("/api/v1/people/" + ward).then().statusCode(404);
        as("bob").delete("/api/v1/people/" + ward).then().statusCode(404);
        as("bob").get("/api/v1/me").then().body("people.id", not(hasItem(ward)));
        // Untouched for its owner.
        as("alice").get("/api/v1/people/" + ward).then().statusCode(200).body("displayName", equalTo("Sam Carter"));
    }

    @Test
    void aCoordinatorCannotReachAParticipantsWard() {
        String ward = addWard("alice", SAM);
        as("casey").get("/api/v1/people/" + ward).then().statusCode(404);
        as("casey").delete("/api/v1/people/" + ward).then().statusCode(404);
    }

    @Test
    void massAssignedFieldsAreIgnored() {
        String bobSelf = as("bob").get("/api/v1/me").then().extract().path("people[0].id");
        String id = as("alice").contentType(ContentType.JSON).body(Map.of("displayName", "Robin", "birthDate",
                "2016-01-01", "relationship", "child", "authorityAttested", true, "id", bobSelf, "accountId",
                bobSelf)).post("/api/v1/people").then().statusCode(201).extract().path("id");
        assertTrue(!id.equals(bobSelf));
        as("bob").get("/api/v1/people/" + bobSelf).then().statusCode(200).body("relationship", equalTo("self"));
    }

    @Test
    void malformedIdsAreNotFound() {
        as("alice").get("/api/v1/people/not-a-uuid").then().statusCode(404).body("code", equalTo("not_found"));
    }

    @Test
    void anonymousApiCallsAreNotAnswered() {
        given().redirects().follow(false).accept(ContentType.JSON).get("/api/v1/me").then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(302)));
    }
}
