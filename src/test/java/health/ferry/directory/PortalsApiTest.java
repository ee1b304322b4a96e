package health.ferry.directory;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import health.ferry.Tokens;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The portal directory API as in the contract: search, requests, and what participants may not do. */
@QuarkusTest
class PortalsApiTest {
    /** Who calls: a participant with a real access token, unless a test says otherwise. */
    private static String caller = "frank";

    private static RequestSpecification given() {
        return Tokens.as(caller);
    }

    @Inject
    DirectoryIndex index;

    static ValidatableResponse search(String by, String q) {
        return given().queryParam("by", by).queryParam("q", q).when().get("/api/v1/portals").then();
    }

    @Test
    void findsTheSandboxHospitalByItsName() {
        search("organization", "sandbox genral hospitl").statusCode(200)
                .body("items[0].name", equalTo("Sandbox General Hospital"))
                .body("items[0].id", notNullValue())
                .body("items[0].organizations", contains("Sandbox General Hospital"))
                .body("items[0].doctors", contains("Dr. Ana Rivera"))
                .body("items[0].website", equalTo("https://mychart.sandbox-general.example"))
                .body("items[0].supportStatus", equalTo("supported"))
                .body("items[0].connectionMethod", equalTo("credentials"))
                .body("total", greaterThanOrEqualTo(1));
    }

    @Test
    void findsTheSmartSandbox() {
        search("organization", "health system sandbox").statusCode(200)
                .body("items[0].name", equalTo("Sandbox Health System"))
                .body("items[0].connectionMethod", equalTo("smart"))
                .body("items[0].supportStatus", equalTo("supported"));
    }

    @Test
    void findsTheHospitalByItsDoctor() {
        search("doctor", "rivera ana").statusCode(200).body("items[0].name", equalTo("Sandbox General Hospital"));
        search("doctor", "Dr. Ana Riviera").statusCode(200).body("items[0].name", equalTo("Sandbox General Hospital"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://mychart.sandbox-general.example/MyChart/Authentication/Login?mode=std#top",
        "MYCHART.SANDBOX-GENERAL.EXAMPLE", " www.mychart.sandbox-general.example/ ", "http://mychart.sandbox-general"
            + ".example:8443", "sandbox-general.example", "patients.sandbox-general.example/portal"})
    void findsTheHospitalByAnythingPastedFromTheAddressBar(String pasted) {
        search("website", pasted).statusCode(200).body("items[0].name", equalTo("Sandbox General Hospital"));
    }

    @Test
    void unknownWebsiteFindsNothing() {
        search("website", "https://nowhere-at-all.example/login").statusCode(200).body("items", hasSize(0))
                .body("total", equalTo(0));
    }

    @Test
    void emptyQueryFindsNothing() {
        search("organization", "  ").statusCode(200).body("items", hasSize(0)).body("total", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"javascript:alert(1)", "not a website", "http://[::1]/", "mailto:help@example.org"})
    void garbageWebsiteIsAValidationProblem(String pasted) {
        search("website", pasted).statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("q"))
                .body("errors[0].message", containsString("mychart.example.org"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"name", "", "WEBSITES", "organization;drop"})
    void unknownModeIsAValidationProblem(String by) {
        search(by, "sandbox").statusCode(400).body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("by"));
    }

    @Test
    void missingModeIsAValidationProblem() {
        given().queryParam("q", "sandbox").when().get("/api/v1/portals").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void pagingIsCheckedAndCapped() {
        given().queryParam("by", "organization").queryParam("q", "sandbox").queryParam("page", "abc")
                .when().get("/api/v1/portals").then().statusCode(400).body("errors[0].field", equalTo("page"));
        given().queryParam("by", "organization").queryParam("q", "sandbox").queryParam("page", "-1")
                .when().get("/api/v1/portals").then().statusCode(400);
        given().queryParam("by", "organization").queryParam("q", "sandbox").queryParam("size", "0")
                .when().get("/api/v1/portals").then().statusCode(400).body("errors[0].field", equalTo("size"));
        given().queryParam("by", "organization").queryParam("q", "sandbox").queryParam("size", "1")
                .queryParam("page", "1").when().get("/api/v1/portals").then().statusCode(200)
                .body("items", hasSize(1)).body("total", greaterThanOrEqualTo(2));
        given().queryParam("by", "organization").queryParam("q", "sandbox").queryParam("size", "100000")
                .when().get("/api/v1/portals").then().statusCode(200).body("items.size()", lessThanOrEqualTo(50));
        given().queryParam("by", "organization").queryParam("q", "sandbox").queryParam("page", "999")
                .when().get("/api/v1/portals").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void requestForAListedWebsiteAnswersTheListedPortal() {
        String id = search("organization", "Sandbox General Hospital").extract().path("items[0].id");
        request(Map.of("website", "https://MyChart.Sandbox-General.example/MyChart/")).statusCode(200)
                .body("portalId", equalTo(id)).body("supportStatus", equalTo("supported"));
    }

    @Test
    void requestForANewWebsiteIsPendingAndNotDoubled() {
        String host = "portal-" + UUID.randomUUID().toString().substring(0, 8) + ".clinic.example";
        String id = request(Map.of("website", "https://" + host + "/login?next=home")).statusCode(201)
                .body("supportStatus", equalTo("pending")).extract().path("portalId");
        request(Map.of("website", "WWW." + host.toUpperCase())).statusCode(200).body("portalId", equalTo(id))
                .body("supportStatus", equalTo("pending"));
        index.rebuild();
        search("website", host).statusCode(200).body("items[0].id", equalTo(id))
                .body("items[0].supportStatus", equalTo("pending"))
                .body("items[0].connectionMethod", equalTo("credentials"))
                .body("items[0].website", equalTo("https://" + host + "/login"));
    }

    @Test
    void requestByNameIsPendingAndNotDoubled() {
        String name = "Quiet Creek Family Practice " + UUID.randomUUID().toString().substring(0, 6);
        String id = request(Map.of("name", name)).statusCode(201).body("supportStatus", equalTo("pending"))
                .extract().path("portalId");
        request(Map.of("name", "  " + name.toUpperCase() + "  ")).statusCode(200).body("portalId", equalTo(id));
        index.rebuild();
        search("organization", name).statusCode(200).body("items[0].id", equalTo(id));
    }

    @Test
    void requestNeedsAWebsiteOrName() {
        request(Map.of()).statusCode(400).body("code", equalTo("validation_failed"))
                .body("errors[0].field", equalTo("website"));
        request(Map.of("website", "not a website at all")).statusCode(400).body("errors[0].field", equalTo("website"));
        request(Map.of("name", "x".repeat(201))).statusCode(400).body("errors[0].field", equalTo("name"));
        given().contentType(ContentType.JSON).body("{not json").when().post("/api/v1/portals/requests").then()
                .statusCode(400).body("code", equalTo("malformed_request"));
    }

    @Test
    void participantsCannotUseAdminRoutes() {
        String id = search("organization", "Sandbox General Hospital").extract().path("items[0].id");
        given().contentType(ContentType.JSON).body(Map.of("supportStatus", "not_supported"))
                .when().post("/api/v1/admin/portals/" + id + "/support-status").then().statusCode(404)
                .body("code", equalTo("not_found"));
        given().contentType(ContentType.JSON).body("{\"resourceType\":\"Bundle\"}")
                .when().post("/api/v1/admin/directory/imports").then().statusCode(404);
        search("organization", "Sandbox General Hospital").body("items[0].supportStatus", equalTo("supported"));
    }

    @Test
    void anySignedInUserMaySearchButOnlyParticipantsRequest() {
        caller = "gail";
        try {
            search("organization", "sandbox").statusCode(200).body("items.name", hasItem("Sandbox General Hospital"));
            request(Map.of("name", "Coordinator Clinic")).statusCode(404);
        } finally {
            caller = "frank";
        }
    }

    @Test
    void signedOutCannotSearch() {
        // An API client without a token is asked for one (401), never sent to a login page.
        RestAssured.given().redirects().follow(false).queryParam("by", "organization").queryParam("q", "sandbox")
                .when().get("/api/v1/portals").then().statusCode(401).body("code", equalTo("not_authenticated"));
    }

    @Test
    void resultsAreRanked() {
        var names = search("organization", "sandbox").statusCode(200).body("items.supportStatus", everyItem(
                notNullValue())).extract().<java.util.List<String>>path("items.name");
        assertEquals("Sandbox General Hospital", names.get(0), names::toString);
    }

    static ValidatableResponse request(Map<String, String> body) {
        return given().contentType(ContentType.JSON).body(body).when().post("/api/v1/portals/requests").then();
    }
}
