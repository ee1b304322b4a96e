package health.ferry.audit;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Ward changes, enrolment and consent, and denied access leave audit rows without names or health details. */
@QuarkusTest
class AuditTrailTest {
    @Inject
    AuditTrail audit;

    @Test
    void wardChangesAndEnrolmentAreAudited() {
        String ward = as("erin").contentType(ContentType.JSON).body(Map.of("displayName", "Audit Ward",
                "birthDate", "2012-12-12", "relationship", "child", "authorityAttested", true))
                .post("/api/v1/people").then().statusCode(201).extract().path("id");
        as("erin").contentType(ContentType.JSON).body(Map.of("personId", ward, "consentVersion", "1.2"))
                .post("/api/v1/studies/childhood-asthma-registry/enrollments").then().statusCode(201);
        List<AuditEntry> entries = audit.aboutPerson(UUID.fromString(ward), 20);
        List<String> actions = entries.stream().map(AuditEntry::action).toList();
        assertTrue(actions.contains("person.added"), actions.toString());
        assertTrue(actions.contains("enrolment.enrolled"), actions.toString());
        AuditEntry enrolled = entries.stream().filter(e -> e.action().equals("enrolment.enrolled")).findFirst()
                .orElseThrow();
        assertEquals("erin", enrolled.actorUsername());
        assertEquals("participant", enrolled.actorRole());
        assertEquals("childhood-asthma-registry", enrolled.studyId());
        assertFalse(entries.stream().anyMatch(e -> String.valueOf(e.detail).contains("Audit Ward")));
    }

    @Test
    void switchingWhoOneActsForIsAudited() {
        String ward = as("erin").contentType(ContentType.JSON).body(Map.of("displayName", "Switch Audit",
                "birthDate", "2013-03-13", "relationship", "ward", "authorityAttested", true))
                .post("/api/v1/people").then().statusCode(201).extract().path("id");
        health.ferry.PageSession.open("erin", "/home").form(Map.of("personId", ward)).post("/acting-as").then()
                .statusCode(303);
        assertTrue(audit.aboutPerson(UUID.fromString(ward), 20).stream()
                .anyMatch(e -> "acting_as.switch".equals(e.action()) && "erin".equals(e.actorUsername())));
    }

    @Test
    void deniedAccessIsAuditedEvenThoughTheRequestFails() {
        String probe = UUID.randomUUID().toString();
        as("bob").get("/api/v1/people/" + probe).then().statusCode(404);
        assertTrue(audit.byAction("access.denied", 200).stream()
                .anyMatch(e -> probe.equals(e.objectId()) && "bob".equals(e.actorUsername())
                        && "denied".equals(e.outcome())));
    }
}
