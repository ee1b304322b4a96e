package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.ward;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import health.ferry.OwnDatabase;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When the extraction worker cannot start (here: a class path that holds nothing, as dev mode's did before it was
 * derived from Ferry's own class loader), readiness names the feature as down with the reason, and uploads are
 * refused with {@code uploads_paused} instead of piling up unread; the upload page says they are paused.
 */
@QuarkusTest
@TestProfile(ExtractionPausedTest.BrokenWorker.class)
class ExtractionPausedTest {
    public static class BrokenWorker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return OwnDatabase.with("ferry-extraction-paused", Map.of(
                    "ferry.uploads.extraction.classpath", "/nonexistent/ferry-classes"));
        }
    }

    @Test
    void aWorkerThatCannotStartPausesUploadsAndReadinessSaysWhy() {
        JsonPath health = awaitDown();
        String error = health.getString("checks.find { it.name == 'Supporting Documents reading' }.data.error");
        org.junit.jupiter.api.Assertions.assertTrue(error.contains("did not start"), error);

        String person = ward("alice", "Paused Kid", HEART);
        UploadCalls.upload("alice", HEART, person, Map.of("notes.txt", "Seen for asthma.".getBytes(
                StandardCharsets.UTF_8))).then().statusCode(503)
                .contentType(containsString("application/problem+json"))
                .body("code", equalTo("uploads_paused"))
                .body("detail", containsString("Nothing was sent or lost"));
        as("alice").get("/api/v1/people/" + person + "/uploads").then().body("total", equalTo(0));

        as("alice").cookie("ferry_acting", person).get("/supporting-documents").then().statusCode(200)
                .body(containsString("data-testid=\"uploads-paused\""))
                .body(containsString("Uploads are paused for a while"));
    }

    @Test
    void theOtherChecksStayUp() {
        JsonPath health = awaitDown();
        health.getList("checks.findAll { it.name != 'Supporting Documents reading' }.status")
                .forEach(status -> org.junit.jupiter.api.Assertions.assertEquals("UP", status));
        given().get("/q/health/live").then().statusCode(200).body("status", not(equalTo("DOWN")));
    }

    private static JsonPath awaitDown() {
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            var response = given().get("/q/health/ready");
            JsonPath body = response.jsonPath();
            if ("DOWN".equals(body.getString("checks.find { it.name == 'Supporting Documents reading' }.status"))) {
                org.junit.jupiter.api.Assertions.assertEquals(503, response.statusCode());
                return body;
            }
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("readiness never named the extraction worker as down");
    }
}
