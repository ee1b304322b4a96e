package health.ferry.sync;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;

import health.ferry.PageSession;
import health.ferry.connections.SandboxConnections;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** "Sync now" on a connection's page, and the last sync shown there (with its outcome, never as a failure). */
@QuarkusTest
class SyncPagesTest {
    @Test
    void syncNowFromTheConnectionPageShowsWhatArrived() {
        String person = SandboxConnections.ward("frank", "Sync Page Kid", "2013-04-04");
        String id = SandboxConnections.connected("frank", person, "demo");
        as("frank").get("/connections/" + id).then().statusCode(200).body(containsString("No sync yet"))
                .body(containsString("Sync now"));
        PageSession.open("frank", "/connections/" + id).form(Map.of()).post("/connections/" + id + "/sync").then()
                .statusCode(303);
        long deadline = System.currentTimeMillis() + 60_000;
        String page = "";
        while (System.currentTimeMillis() < deadline && !finished(page)) {
            page = as("frank").get("/connections/" + id).asString();
            sleep();
        }
        java.util.regex.Matcher line = OUTCOME.matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(line.find() && line.group(1).contains("new or updated records"),
                page);
        as("frank").get("/api/v1/connections/" + id).then().body("lastSync.outcome",
                org.hamcrest.Matchers.equalTo("new_records"));
    }

    @Test
    void anEmptyChartsFirstSyncBringsOnlyItsPatient() {
        String person = SandboxConnections.ward("frank", "Sync Empty Kid", "2014-04-04");
        String id = SandboxConnections.connected("frank", person, "empty");
        PageSession.open("frank", "/connections/" + id).form(Map.of()).post("/connections/" + id + "/sync").then()
                .statusCode(303);
        long deadline = System.currentTimeMillis() + 60_000;
        String page = "";
        while (System.currentTimeMillis() < deadline && !finished(page)) {
            page = as("frank").get("/connections/" + id).asString();
            sleep();
        }
        java.util.regex.Matcher line = OUTCOME.matcher(page);
        org.junit.jupiter.api.Assertions.assertTrue(line.find() && line.group(1).contains("brought 1 new"), page);
    }

    private static final java.util.regex.Pattern OUTCOME = java.util.regex.Pattern.compile(
            "data-testid=\"last-sync\" class=\"sync-line\">([^<]*)<");

    /** The last sync's outcome line is on the page (not "Fetching your records… N so far", which is "running"). */
    private static boolean finished(String page) {
        java.util.regex.Matcher line = OUTCOME.matcher(page);
        return line.find() && !line.group(1).startsWith("No sync yet");
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
