package health.ferry.uploads;

import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.finished;
import static health.ferry.uploads.UploadCalls.upload;
import static health.ferry.uploads.UploadCalls.ward;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * What an operator watches: readiness covers the database and upload storage, and /q/metrics (Prometheus text,
 * no sign-in) counts uploads, times each processing attempt by outcome and shows the job queue, with no personal
 * data in any label.
 */
@QuarkusTest
class UploadOperationsTest {
    @Test
    void readinessCoversDatabaseAndUploadStorage() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem("Upload storage"))
                .body("checks.name", hasItem("Database connections health check"))
                .body("checks.find { it.name == 'Upload storage' }.data.store", startsWith("file system "));
    }

    @Test
    void metricsCountUploadsTimeProcessingAndShowTheQueue() {
        double before = value(metrics(), "ferry_uploads_received_total");
        double readyBefore = value(metrics(),
                "ferry_uploads_ingest_seconds_count{code=\"none\",outcome=\"ready_for_review\"}");
        String person = ward("alice", "Morgan Metrics", HEART);
        String id = upload("alice", HEART, person, Map.of("results.pdf", UploadFixtures.labPdf())).then()
                .statusCode(202).extract().path("id");
        assertEquals("ready_for_review", finished("alice", id).getString("status"));

        String text = metrics();
        assertEquals(before + 1, value(text, "ferry_uploads_received_total"));
        assertTrue(value(text, "ferry_uploads_ingest_seconds_count{code=\"none\",outcome=\"ready_for_review\"}")
                >= readyBefore + 1, "the attempt is timed under its outcome");
        assertTrue(text.contains("ferry_uploads_queue{state=\"queued\"}"), "queue depth by state");
        assertTrue(text.contains("ferry_uploads_queue{state=\"running\"}"), "queue depth by state");
        assertFalse(text.contains("Morgan") || text.contains(id) || text.contains(person),
                "no name or id in any metric");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sample's value, 0 when the series does not exist yet. */
    private static double value(String text, String series) {
        Matcher m = Pattern.compile("^" + Pattern.quote(series) + " (\\S+)$", Pattern.MULTILINE).matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
