package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 23's last row: the FHIR server itself answers 5xx (the authorization server is fine). A sync is then
 * portal_unavailable, retried with a growing backoff, and the connection stays connected: never reconnect, never the
 * participant's fault (through the API and the page text).
 */
@QuarkusTest
class StrictSmartFhirOutageTest extends StrictPortalTest {
    @Test
    void aFhirServerAnswering5xxIsPortalUnavailableWithBackoffAndNeverReconnect() {
        String id = portal.connected();
        server.fhirStatus = 503;
        as(PARTICIPANT).post("/api/v1/connections/" + id + "/sync").then().statusCode(202);
        JsonPath c = finished(id);
        assertEquals("connected", c.getString("status"), "access is not in question");
        assertNull(c.get("failure"), "no connection failure: nothing for the participant to do");
        assertEquals("failed", c.getString("lastSync.outcome"));
        assertEquals("portal_unavailable", c.getString("lastSync.failureCode"));

        // The first search was tried 1 + ferry.sync.retries (3) times, each wait at least twice the one before
        // (test profile: 50 ms, 100 ms, 200 ms); then the run gave up (no more types asked while it is down).
        List<String> asked = List.copyOf(server.fhirRequests);
        assertEquals(4, asked.size(), "one search, retried three times: " + asked);
        assertTrue(asked.stream().allMatch(asked.get(0)::equals), asked.toString());
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < server.fhirRequestNanos.size(); i++) {
            gaps.add((server.fhirRequestNanos.get(i) - server.fhirRequestNanos.get(i - 1)) / 1_000_000);
        }
        assertTrue(gaps.get(0) >= 45 && gaps.get(1) >= 95 && gaps.get(2) >= 195, "backoff in ms: " + gaps);

        as(PARTICIPANT).get("/connections/" + id).then().statusCode(200)
                .body(containsString("The portal did not answer during the last sync. This is not something you "
                        + "did: Ferry will try again later, waiting a little longer each time."))
                .body(not(containsString("Reconnect"))).body(not(containsString("access has ended")))
                .body(not(containsString("portal_unavailable")));
    }

    @Test
    void a500WithRetryAfterIsWaitedForAndTheRunStillEndsUnavailable() {
        String id = portal.connected();
        server.fhirStatus = 500;
        server.fhirRetryAfter = "1";
        long started = System.nanoTime();
        as(PARTICIPANT).post("/api/v1/connections/" + id + "/sync").then().statusCode(202);
        JsonPath c = finished(id);
        assertEquals("connected", c.getString("status"));
        assertEquals("portal_unavailable", c.getString("lastSync.failureCode"));
        assertEquals(4, server.fhirRequests.size(), server.fhirRequests.toString());
        assertTrue((System.nanoTime() - started) / 1_000_000 >= 3000, "three waits of the portal's Retry-After: 1");
    }

    /** Waits until the connection's last sync has finished; answers the connection. */
    private static JsonPath finished(String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath c = as(PARTICIPANT).get("/api/v1/connections/" + id).then().statusCode(200).extract().jsonPath();
            if (c.get("lastSync") != null && c.get("lastSync.finishedAt") != null) {
                return c;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("the sync of " + id + " did not finish within a minute");
        return null;
    }
}
