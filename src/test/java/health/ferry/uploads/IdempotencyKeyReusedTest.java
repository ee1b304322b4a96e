package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.path;
import static health.ferry.uploads.UploadCalls.request;
import static health.ferry.uploads.UploadCalls.ward;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 9: an Idempotency-Key sent again with other bytes is {@code 422 idempotency_key_reused}
 * (problem+json naming the first upload), not a 202 with the first upload's id while the new files are dropped. The
 * same files with the same key (in any order) are still the retry they were.
 */
@QuarkusTest
class IdempotencyKeyReusedTest {
    @Test
    void theSameKeyWithOtherBytesIsRefused() {
        String person = ward("alice", "Key Reuse", HEART);
        String first = request("alice", Map.of("scan.txt", UploadFixtures.note("first bytes")))
                .header("Idempotency-Key", "reuse-1").post(path(HEART, person)).then().statusCode(202).extract()
                .path("id");

        request("alice", Map.of("scan.txt", UploadFixtures.note("other bytes"))).header("Idempotency-Key", "reuse-1")
                .post(path(HEART, person)).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("idempotency_key_reused")).body("status", equalTo(422))
                .body("type", equalTo("https://ferry.health/problems/idempotency_key_reused"))
                .body("uploadId", equalTo(first)).body("detail", containsString(first));

        // Several files, one of them different, under the same key: refused too.
        Map<String, byte[]> two = new LinkedHashMap<>();
        two.put("g/a.txt", UploadFixtures.note("first bytes"));
        two.put("g/b.txt", UploadFixtures.note("more"));
        request("alice", two).header("Idempotency-Key", "reuse-1").post(path(HEART, person)).then().statusCode(422)
                .body("code", equalTo("idempotency_key_reused"));

        // Nothing new was stored: the person still has the first upload only.
        as("alice").get("/api/v1/people/" + person + "/uploads").then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(first));
    }

    @Test
    void theSameFilesWithTheSameKeyAreStillARetry() {
        String person = ward("alice", "Key Retry", HEART);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("g/a.txt", UploadFixtures.note("retry a"));
        files.put("g/b.txt", UploadFixtures.note("retry b"));
        String first = request("alice", files).header("Idempotency-Key", "reuse-2").post(path(HEART, person)).then()
                .statusCode(202).extract().path("id");
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        reordered.put("g/b.txt", UploadFixtures.note("retry b"));
        reordered.put("g/a.txt", UploadFixtures.note("retry a"));
        String again = request("alice", reordered).header("Idempotency-Key", "reuse-2").post(path(HEART, person))
                .then().statusCode(202).extract().path("id");
        assertEquals(first, again);
        List<String> ids = as("alice").get("/api/v1/people/" + person + "/uploads").then().statusCode(200).extract()
                .path("items.id");
        assertEquals(List.of(first), ids);
    }
}
