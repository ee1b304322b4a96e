package health.ferry.web;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Mass assignment (plan P4): owner, study, status and decision fields sent by a client are never applied — bodies are
 * read into small request records holding only the documented fields, and the server decides the rest.
 */
@QuarkusTest
class MassAssignmentTest {
    private static final String HEART = "heart-rhythm-outcomes";
    private static final String ASTHMA = "childhood-asthma-registry";

    private static Map<String, Object> hostile(Map<String, Object> honest) {
        Map<String, Object> body = new HashMap<>(honest);
        body.put("id", "00000000-0000-0000-0000-000000000001");
        body.put("ownerId", "00000000-0000-0000-0000-000000000002");
        body.put("accountId", "00000000-0000-0000-0000-000000000002");
        body.put("owner", "bob");
        body.put("studyId", ASTHMA);
        body.put("status", "accepted");
        body.put("decision", "approved");
        body.put("state", "accepted");
        return body;
    }

    private static String person(String name) {
        JsonPath added = as("alice").contentType(ContentType.JSON).body(hostile(Map.of("displayName", name,
                "birthDate", "2012-06-01", "relationship", "child", "authorityAttested", true)))
                .post("/api/v1/people").then().statusCode(201).extract().jsonPath();
        assertNotEquals("00000000-0000-0000-0000-000000000001", added.getString("id"));
        return added.getString("id");
    }

    @Test
    void personOwnerAndIdComeFromTheServer() {
        String id = person("Mass Assigned");
        as("alice").get("/api/v1/people/" + id).then().statusCode(200);
        as("bob").get("/api/v1/people/" + id).then().statusCode(404);
        as("alice").contentType(ContentType.JSON).body(hostile(Map.of("displayName", "Mass Renamed", "birthDate",
                "2012-06-01", "relationship", "child", "authorityAttested", true)))
                .put("/api/v1/people/" + id).then().statusCode(200);
        assertEquals("Mass Renamed", as("alice").get("/api/v1/people/" + id).then().extract().path("displayName"));
        as("bob").get("/api/v1/people/" + id).then().statusCode(404);
    }

    @Test
    void enrolmentStudyAndStatusComeFromThePathAndTheServer() {
        String id = person("Mass Enrolled");
        Map<String, Object> body = hostile(Map.of("personId", id, "consentVersion", "2026-03"));
        body.put("withdrawnAt", "2020-01-01T00:00:00Z");
        JsonPath enrolment = as("alice").contentType(ContentType.JSON).body(body)
                .post("/api/v1/studies/" + HEART + "/enrollments").then().statusCode(201).extract().jsonPath();
        assertEquals(HEART, enrolment.getString("studyId"));
        assertEquals("active", enrolment.getString("status"));
        List<String> studies = as("alice").get("/api/v1/people/" + id + "/enrollments").then().statusCode(200)
                .extract().path("items.studyId");
        assertEquals(List.of(HEART), studies);
    }

    @Test
    void uploadStatusStudyAndDecisionAreNeverTakenFromTheForm() {
        String id = person("Mass Upload");
        as("alice").contentType(ContentType.JSON).body(Map.of("personId", id, "consentVersion", "2026-03"))
                .post("/api/v1/studies/" + HEART + "/enrollments").then().statusCode(201);
        String upload = PageSession.open("alice", "/supporting-documents").multipart()
                .multiPart("prerequisiteConfirmed", "true").multiPart("status", "accepted")
                .multiPart("studyId", ASTHMA).multiPart("decision", "approved").multiPart("ownerId", "bob")
                .multiPart(new MultiPartSpecBuilder(("note " + java.util.UUID.randomUUID()).getBytes(StandardCharsets.UTF_8)).controlName("file")
                        .fileName("note.txt").mimeType("text/plain").build())
                .post("/api/v1/studies/" + HEART + "/people/" + id + "/supporting-documents").then().statusCode(202)
                .extract().path("id");
        JsonPath view = as("alice").get("/api/v1/uploads/" + upload).then().statusCode(200).extract().jsonPath();
        assertEquals(HEART, view.getString("studyId"));
        assertTrue(List.of("received", "processing", "ready_for_review").contains(view.getString("status")),
                view.getString("status"));
        as("bob").get("/api/v1/uploads/" + upload).then().statusCode(404);
    }

    @Test
    void connectionOwnerAndStatusComeFromTheServer() {
        String id = person("Mass Connection");
        String portal = as("alice").queryParam("by", "organization").queryParam("q", "Sandbox General Hospital")
                .get("/api/v1/portals").then().statusCode(200).extract()
                .path("items.find { it.name == 'Sandbox General Hospital' }.id");
        Map<String, Object> body = hostile(Map.of("portalId", portal, "username", "locked", "password", "demo"));
        body.put("personId", "00000000-0000-0000-0000-000000000003");
        String connection = as("alice").contentType(ContentType.JSON).body(body)
                .post("/api/v1/people/" + id + "/connections").then().statusCode(201).extract().path("id");
        JsonPath view = as("alice").get("/api/v1/connections/" + connection).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(id, view.getString("personId"));
        assertNotEquals("accepted", view.getString("status"));
        as("bob").get("/api/v1/connections/" + connection).then().statusCode(404);
    }
}
