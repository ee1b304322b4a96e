package health.ferry.sync;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.PageSession;
import health.ferry.connections.SandboxConnections;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Disconnecting: the participant keeps (default) or deletes the pending records from that portal; accepted stay. */
@QuarkusTest
class DisconnectPendingTest {
    @Inject
    ConnectionSync sync;
    @Inject
    SyncHistory history;
    @Inject
    health.ferry.audit.AuditTrail audit;

    /** A connected demo portal whose records were synced, one of them accepted; answers the connection id. */
    private String syncedWithOneAccepted(String person) {
        String c = SandboxConnections.connected("erin", person, "demo");
        UUID id = UUID.fromString(c);
        sync.run(id, history.start(id));
        String first = as("erin").get("/api/v1/people/" + person + "/records?state=pending").then().extract()
                .path("items[0].id");
        as("erin").contentType(ContentType.JSON).body(Map.of("accept", List.of(first), "delete", List.of()))
                .post("/api/v1/people/" + person + "/records/decisions").then().statusCode(200)
                .body("accepted", equalTo(1));
        assertTrue(audit.aboutPerson(UUID.fromString(person), 20).stream()
                .anyMatch(e -> e.action().equals("records.decide")), "the decision is audited");
        return c;
    }

    private int count(String person, String state) {
        return as("erin").get("/api/v1/people/" + person + "/records?state=" + state).then().extract().path("total");
    }

    @Test
    void byDefaultPendingRecordsAreKept() {
        String person = SandboxConnections.ward("erin", "Disconnect Keep", "2004-01-02");
        String c = syncedWithOneAccepted(person);
        int pending = count(person, "pending");
        as("erin").delete("/api/v1/connections/" + c).then().statusCode(204);
        assertEquals(pending, count(person, "pending"));
        assertEquals(1, count(person, "accepted"));
    }

    @Test
    void theParticipantCanDeleteThePendingRecords() {
        String person = SandboxConnections.ward("erin", "Disconnect Delete", "2004-03-04");
        String c = syncedWithOneAccepted(person);
        assertTrue(count(person, "pending") > 0);
        as("erin").delete("/api/v1/connections/" + c + "?pendingRecords=sometimes").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
        as("erin").get("/api/v1/connections/" + c).then().body("status", equalTo("connected"));
        as("erin").delete("/api/v1/connections/" + c + "?pendingRecords=delete").then().statusCode(204);
        assertEquals(0, count(person, "pending"));
        assertEquals(1, count(person, "accepted"), "accepted records stay");
    }

    @Test
    void theDisconnectFormOffersTheChoice() {
        String person = SandboxConnections.ward("erin", "Disconnect Page", "2004-05-06");
        String c = syncedWithOneAccepted(person);
        PageSession page = PageSession.open("erin", "/connections/" + c);
        page.form(Map.of("pendingRecords", "delete")).redirects().follow(false)
                .post("/connections/" + c + "/disconnect").then().statusCode(303);
        assertEquals(0, count(person, "pending"));
        as("erin").get("/api/v1/connections/" + c).then().body("status", equalTo("disconnected"));
    }
}
