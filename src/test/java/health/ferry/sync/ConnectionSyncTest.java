package health.ferry.sync;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import health.ferry.connections.ConnectionView;
import health.ferry.connections.SandboxConnections;
import health.ferry.sandbox.SandboxTime;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Sync against the sandbox portal: import, idempotent re-sync, settings, empty charts, ended access, ownership. */
@QuarkusTest
class ConnectionSyncTest {
    @Inject
    SyncHistory history;
    @Inject
    ConnectionSync sync;

    private ConnectionView.LastSync finished(String connectionId) {
        UUID id = UUID.fromString(connectionId);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            ConnectionView.LastSync last = history.lastSync(id).orElse(null);
            if (last != null && last.finishedAt() != null) {
                return last;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("sync of " + connectionId + " did not finish");
        return null;
    }

    private ConnectionView.LastSync runAgain(String connectionId) {
        UUID id = UUID.fromString(connectionId);
        sync.run(id, history.start(id));
        return history.lastSync(id).orElseThrow();
    }

    @Test
    void demoImportsEveryCategoryOnceAndReSyncAddsNothing() {
        String person = SandboxConnections.ward("erin", "Sync Demo", "2009-04-05");
        String c = SandboxConnections.connected("erin", person, "demo");
        as("erin").contentType(ContentType.JSON).post("/api/v1/connections/" + c + "/sync").then().statusCode(202);
        as("erin").contentType(ContentType.JSON).post("/api/v1/connections/" + c + "/sync").then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("sync_too_soon"));
        ConnectionView.LastSync first = finished(c);
        assertEquals("new_records", first.outcome());
        assertTrue(first.newRecords() > 10, "several years of records");
        String records = "/api/v1/people/" + person + "/records";
        int total = as("erin").get(records).then().statusCode(200).body("items.category", hasItems("conditions",
                "medications", "allergies", "immunizations", "lab_results", "vital_signs", "procedures", "visits"))
                .body("items.source.id", hasItem(c)).extract().path("total");
        assertEquals(first.newRecords(), total);
        ConnectionView.LastSync again = runAgain(c);
        assertEquals("no_new_records", again.outcome());
        assertEquals(0, again.newRecords());
        as("erin").get(records).then().body("total", equalTo(total));
    }

    @Test
    void categoriesTurnedOffAreNotImported() {
        String person = SandboxConnections.ward("erin", "Sync Settings", "2010-06-07");
        as("erin").contentType(ContentType.JSON).body(Map.of("categories", Map.of("vital_signs", false,
                "lab_results", false))).put("/api/v1/people/" + person + "/settings").then().statusCode(200);
        String c = SandboxConnections.connected("erin", person, "demo");
        assertEquals("new_records", runAgain(c).outcome());
        List<String> categories = as("erin").get("/api/v1/people/" + person + "/records").then().extract()
                .path("items.category");
        assertTrue(categories.contains("conditions"));
        assertTrue(!categories.contains("vital_signs") && !categories.contains("lab_results"), categories.toString());
        assertNotNull(syncOnce(c).changesSince, "a re-sync asks only for changes");
        // switched back on: the portal's older vital signs have not changed since, yet the next sync brings them
        as("erin").contentType(ContentType.JSON).body(Map.of("categories", Map.of("vital_signs", true)))
                .put("/api/v1/people/" + person + "/settings").then().statusCode(200);
        SyncRun full = syncOnce(c);
        assertNull(full.changesSince, "a category switched back on: everything is read again");
        assertEquals(SyncRun.NEW_RECORDS, full.outcome);
        assertEquals(0, full.updatedRecords, "what was stored is unchanged");
        categories = as("erin").get("/api/v1/people/" + person + "/records").then().extract().path("items.category");
        assertTrue(categories.contains("vital_signs") && !categories.contains("lab_results"), categories.toString());
        SyncRun after = syncOnce(c);
        assertNotNull(after.changesSince, "after that full read, incremental again");
        assertEquals(SyncRun.NO_NEW_RECORDS, after.outcome);
    }

    @Test
    void goalsComeAndInsuranceAndClaimsOnlyOnceTurnedOn() {
        String person = SandboxConnections.ward("erin", "Sync Insurance", "1980-03-04");
        // Off by default: the settings say so before anything is saved.
        as("erin").get("/api/v1/people/" + person + "/settings").then().statusCode(200)
                .body("categories.insurance_claims", equalTo(false)).body("categories.conditions", equalTo(true));
        String c = SandboxConnections.connected("erin", person, "demo");
        runAgain(c);
        List<String> types = as("erin").get("/api/v1/people/" + person + "/records").then()
                .extract().path("items.resourceType");
        assertTrue(types.contains("Goal"), types.toString());
        assertTrue(!types.contains("Coverage") && !types.contains("ExplanationOfBenefit"), types.toString());
        as("erin").contentType(ContentType.JSON).body(Map.of("categories", Map.of("insurance_claims", true)))
                .put("/api/v1/people/" + person + "/settings").then().statusCode(200)
                .body("categories.insurance_claims", equalTo(true));
        assertEquals(SyncRun.NEW_RECORDS, syncOnce(c).outcome);
        List<String> insurance = as("erin").queryParam("category", "insurance_claims")
                .get("/api/v1/people/" + person + "/records").then().statusCode(200).extract()
                .path("items.resourceType");
        assertTrue(insurance.contains("Coverage") && insurance.contains("ExplanationOfBenefit"), insurance.toString());
        // The records page names the category in words.
        as("erin").cookie("ferry_acting", person).get("/records?state=pending").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Insurance and claims"));
    }

    private SyncRun syncOnce(String connectionId) {
        UUID id = UUID.fromString(connectionId);
        UUID run = history.start(id);
        sync.run(id, run);
        return history.run(run).orElseThrow();
    }

    @Test
    void anEmptyChartIsNoNewRecordsNotAFailure() {
        String person = SandboxConnections.ward("erin", "Sync Empty", "2011-08-09");
        String c = SandboxConnections.connected("erin", person, "empty");
        ConnectionView.LastSync last = runAgain(c);
        // Nothing clinical, but the portal's Patient is a record of its own now (demographics, issue 23).
        assertEquals("new_records", last.outcome());
        assertEquals(1, last.newRecords(), "the empty chart's only record: its Patient");
        assertNull(history.lastFailure(UUID.fromString(c)).orElse(null));
        SandboxConnections.settled("erin", c);
        as("erin").get("/api/v1/connections/" + c).then().body("status", equalTo("connected"));
    }

    @Test
    void endedAccessLeavesTheConnectionReconnectRequired() {
        String person = SandboxConnections.ward("erin", "Sync Shortlived", "2012-10-11");
        String c = SandboxConnections.connected("erin", person, "shortlived");
        // a minute passes for Ferry and for the portal: the access the portal gave has ended, no new sign-in
        io.quarkus.test.junit.QuarkusMock.installMockForType(java.time.Clock.offset(java.time.Clock.systemUTC(),
                Duration.ofSeconds(61)), java.time.Clock.class);
        SandboxTime.advance(Duration.ofSeconds(61));
        ConnectionView.LastSync last = runAgain(c);
        assertEquals("failed", last.outcome());
        assertEquals("reconnect_required", history.lastFailure(UUID.fromString(c)).orElseThrow());
        as("erin").get("/api/v1/connections/" + c).then().body("failure.code", equalTo("reconnect_required"))
                .body("status", not(equalTo("connected")));
    }

    @Test
    void aWeekOldCredentialSessionIsRenewedAndTheSyncGoesOn() {
        String person = SandboxConnections.ward("erin", "Sync Week Later", "2012-12-13");
        String c = SandboxConnections.connected("erin", person, "empty");
        SandboxTime.advance(Duration.ofDays(7)); // the sandbox's sessions last an hour
        try {
            ConnectionView.LastSync last = runAgain(c);
            assertEquals("new_records", last.outcome(), "the sync went on (its one new record: the Patient)");
            as("erin").get("/api/v1/connections/" + c).then().body("status", equalTo("connected"));
        } finally {
            SandboxTime.reset();
        }
    }

    @Test
    void onlyAConnectedPortalCanBeSynced() {
        String person = SandboxConnections.ward("erin", "Sync Refused", "2014-02-03");
        String c = SandboxConnections.failed("erin", person, "locked");
        as("erin").contentType(ContentType.JSON).post("/api/v1/connections/" + c + "/sync").then().statusCode(409)
                .body("code", equalTo("conflict"));
        assertTrue(history.lastSync(UUID.fromString(c)).isEmpty());
    }

    @Test
    void anotherParticipantCannotSyncTheConnection() {
        String person = SandboxConnections.ward("erin", "Sync Private", "2013-12-01");
        String c = SandboxConnections.connected("erin", person, "empty");
        as("alice").contentType(ContentType.JSON).post("/api/v1/connections/" + c + "/sync").then().statusCode(404);
        assertTrue(history.lastSync(UUID.fromString(c)).isEmpty());
    }
}
