package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.finished;
import static health.ferry.uploads.UploadCalls.upload;
import static health.ferry.uploads.UploadCalls.ward;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Uploads go through the durable job: unpacked, extracted in the isolated worker, classified and recorded. */
@QuarkusTest
class UploadProcessingTest {
    @Test
    void anXdmExportEndsReadyForReviewWithClassifiedDocuments() {
        String person = ward("alice", "Jordan Xdm", HEART);
        String id = upload("alice", HEART, person, Map.of("health-export.zip", UploadFixtures.xdmZip())).then()
                .statusCode(202).header("Location", containsString("/api/v1/uploads/"))
                .body("studyId", equalTo(HEART)).body("personId", equalTo(person))
                // The answer reads the upload back after its job is queued: a worker may have claimed it already.
                .body("status", anyOf(equalTo("received"), equalTo("processing"))).body("rejection", nullValue())
                .body("files[0].name", equalTo("health-export.zip")).extract().path("id");

        JsonPath done = finished("alice", id);
        assertEquals("ready_for_review", done.getString("status"), done.prettify());
        assertEquals(6, done.getInt("progress.total"));
        assertEquals(6, done.getInt("progress.done"));
        Map<String, String> kinds = new LinkedHashMap<>();
        for (Map<String, Object> d : done.<Map<String, Object>>getList("documents")) {
            kinds.put((String) d.get("name"), (String) d.get("kind"));
            assertTrue(((String) d.get("sha256")).matches("[0-9a-f]{64}"), d.toString());
            assertTrue(d.get("confidence") != null && d.get("evidence") != null && d.get("review") == null, d.toString());
        }
        assertEquals("ccda-ccd", kinds.get(UploadFixtures.XDM + "DOC0001.XML"));
        assertEquals("pdf-lab-report", kinds.get(UploadFixtures.XDM + "DOC0002.PDF"));
        assertEquals("image", kinds.get(UploadFixtures.XDM + "IMG0001.PNG"));
        assertEquals("xdm-metadata", kinds.get(UploadFixtures.XDM + "METADATA.XML"));
        assertEquals("package-index", kinds.get("INDEX.HTM"));
        assertEquals(List.of(Map.of("name", "__MACOSX/IHE_XDM/._DOC0001.XML", "reason", "system_file")),
                done.getList("skipped"));
        as("alice").get("/api/v1/people/" + person + "/uploads").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].documents", hasSize(6));
    }

    @Test
    void aFolderIsOneUploadWhoseDocumentsAreItsFiles() {
        String person = ward("alice", "Jordan Folder", HEART);
        Map<String, byte[]> folder = new LinkedHashMap<>();
        folder.put("My records/summary.xml", UploadFixtures.ccd());
        folder.put("My records/labs/lab.pdf", UploadFixtures.labPdf());
        folder.put("My records/.DS_Store", new byte[] {1, 2, 3});
        folder.put("My records/empty.txt", new byte[0]);
        String id = upload("alice", HEART, person, folder).then().statusCode(202)
                .body("files.name", hasItem("My records/labs/lab.pdf")).extract().path("id");
        JsonPath done = finished("alice", id);
        assertEquals("ready_for_review", done.getString("status"), done.prettify());
        assertEquals(List.of("My records/summary.xml", "My records/labs/lab.pdf"), done.getList("documents.name"));
        assertEquals(List.of("ccda-ccd", "pdf-lab-report"), done.getList("documents.kind"));
        assertEquals(List.of("system_file", "empty_file"), done.getList("skipped.reason"));
    }

    @Test
    void aFolderBreakingTheArchiveRulesIsRejectedAtOnce() {
        String person = ward("alice", "Jordan Folder Clash", HEART);
        Map<String, byte[]> folder = new LinkedHashMap<>();
        folder.put("records/Summary.xml", UploadFixtures.ccd());
        folder.put("records/summary.XML", UploadFixtures.note("clash"));
        upload("alice", HEART, person, folder).then().statusCode(202).body("status", equalTo("rejected"))
                .body("rejection.code", equalTo("duplicate_entries")).body("files", hasSize(2));
    }

    @Test
    void aSingleDocumentIsAnUploadOfOneFile() {
        String person = ward("alice", "Jordan Single", HEART);
        String id = upload("alice", HEART, person, Map.of("results.pdf", UploadFixtures.labPdf())).then()
                .statusCode(202).extract().path("id");
        JsonPath done = finished("alice", id);
        assertEquals("ready_for_review", done.getString("status"));
        assertEquals(List.of("pdf-lab-report"), done.getList("documents.kind"));
    }

    @Test
    void aHostileArchiveEndsRejectedWithTheEngineCode() {
        String person = ward("alice", "Jordan Hostile", HEART);
        String id = upload("alice", HEART, person, Map.of("records.zip", UploadFixtures.zipSlip())).then()
                .statusCode(202).extract().path("id");
        JsonPath done = finished("alice", id);
        assertEquals("rejected", done.getString("status"));
        assertEquals("unsafe_entry_name", done.getString("rejection.code"));
        assertTrue(done.getString("rejection.message").contains("not allowed"), done.getString("rejection.message"));
        assertEquals(List.of(), done.getList("documents"));
    }

    @Test
    void anotherParticipantsUploadsAndPeopleAreNotFound() {
        String person = ward("alice", "Jordan Private", HEART);
        String id = upload("alice", HEART, person, Map.of("note.txt", "private".getBytes(StandardCharsets.UTF_8)))
                .then().statusCode(202).extract().path("id");
        as("bob").get("/api/v1/uploads/" + id).then().statusCode(404).body("code", equalTo("not_found"));
        as("bob").get("/api/v1/people/" + person + "/uploads").then().statusCode(404);
        as("bob").get("/api/v1/uploads/not-an-id").then().statusCode(404);
        as("alice").get("/api/v1/uploads/" + id).then().statusCode(200).body("id", equalTo(id))
                .body("receivedAt", notNullValue());
    }
}
