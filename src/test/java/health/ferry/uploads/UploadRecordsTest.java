package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.finished;
import static health.ferry.uploads.UploadCalls.upload;
import static health.ferry.uploads.UploadCalls.ward;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.classification.XdmPackages;
import health.ferry.uploads.structured.CdaFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Structured content of an upload (C-CDA sections, FHIR) becomes pending records for the person with the upload as
 * their source, respecting the person's record settings, once however often the upload is processed; XDM metadata
 * that contradicts the files is kept and shown as warnings.
 */
@QuarkusTest
class UploadRecordsTest {
    @Inject
    UploadRepository uploads;
    @Inject
    UploadJobRepository jobs;
    @Inject
    UploadWorkers workers;

    private static Map<String, byte[]> records() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("export/summary.xml", CdaFixtures.ccd());
        files.put("export/fhir.json", CdaFixtures.fhirBundle());
        files.put("export/note.txt", UploadFixtures.note("not a record"));
        return files;
    }

    private static JsonPath pending(String person) {
        return as("alice").get("/api/v1/people/" + person + "/records?state=pending").then().statusCode(200)
                .extract().jsonPath();
    }

    @Test
    void cdaSectionsAndFhirContentBecomePendingRecordsFromTheUploadOnceOnly() throws Exception {
        String person = ward("alice", "Records From Upload", HEART);
        String id = upload("alice", HEART, person, Map.of("export.zip", UploadFixtures.zip(records()))).then()
                .statusCode(202).extract().path("id");
        JsonPath done = finished("alice", id);
        assertEquals("ready_for_review", done.getString("status"), done.prettify());
        assertEquals(List.of(11, 2), done.getList("documents.recordsExtracted").subList(0, 2));
        assertNull(done.getList("documents.recordsExtracted").get(2), "a text file holds no records");
        assertTrue(done.getString("documents[0].recordsNote").contains("Problems (11450-4): 1 entry could not be"
                + " read"), done.prettify());

        JsonPath records = pending(person);
        assertEquals(13, records.getInt("total"));
        assertEquals(Set.of("upload"), Set.copyOf(records.getList("items.source.kind")));
        assertEquals(Set.of(id), Set.copyOf(records.getList("items.source.id")));
        assertEquals(new TreeSet<>(List.of("allergies", "conditions", "immunizations", "lab_results", "medications",
                "procedures", "visits", "vital_signs")), new TreeSet<>(records.getList("items.category")));

        processAgain(UUID.fromString(id));
        JsonPath again = finished("alice", id);
        assertEquals("ready_for_review", again.getString("status"));
        assertEquals(List.of(11, 2), again.getList("documents.recordsExtracted").subList(0, 2));
        assertEquals(13, pending(person).getInt("total"), "processing the upload again adds no duplicates");

        as("alice").get("/supporting-documents/uploads/" + id).then().statusCode(200)
                .body(containsString("11 records for review"));
    }

    @Test
    void categoriesTheParticipantTurnedOffAreNotImported() {
        String person = ward("alice", "Records Settings", HEART);
        as("alice").contentType(ContentType.JSON).body(Map.of("categories", Map.of("vital_signs", false,
                "immunizations", false))).put("/api/v1/people/" + person + "/settings").then().statusCode(200);
        Map<String, byte[]> files = Map.of("summary.xml", CdaFixtures.ccd());
        String id = upload("alice", HEART, person, files).then().statusCode(202).extract().path("id");
        JsonPath done = finished("alice", id);
        assertEquals(8, done.getInt("documents[0].recordsExtracted"), done.prettify());
        assertTrue(done.getString("documents[0].recordsNote").contains("3 records were left out by the person's"
                + " record settings."), done.prettify());
        List<String> categories = pending(person).getList("items.category");
        assertEquals(8, categories.size());
        assertTrue(!categories.contains("vital_signs") && !categories.contains("immunizations"), categories::toString);
    }

    @Test
    void xdmMetadataThatContradictsTheFilesIsShownAsWarnings() {
        String person = ward("alice", "Xdm Warnings", HEART);
        String dir = "IHE_XDM/SUBSET01/";
        XdmPackages xdm = new XdmPackages().file(dir + "DOC0001.XML", CdaFixtures.ccd())
                .file(dir + "DOC0002.TXT", "a plain note".getBytes(StandardCharsets.UTF_8));
        XdmPackages.Listed first = xdm.honest("d1", dir + "DOC0001.XML", "34133-9");
        XdmPackages.Listed second = xdm.honest("d2", dir + "DOC0002.TXT", "34133-9");
        xdm.file(dir + "METADATA.XML", XdmPackages.metadata(true,
                new XdmPackages.Listed("d1", first.uri(), first.size() + 7, first.sha1(), "34133-9"),
                new XdmPackages.Listed("d2", second.uri(), second.size(), "0".repeat(40), "34133-9")));
        String id = upload("alice", HEART, person, Map.of("export.zip", UploadFixtures.zip(xdm.files))).then()
                .statusCode(202).extract().path("id");
        JsonPath done = finished("alice", id);
        assertEquals("ready_for_review", done.getString("status"), done.prettify());
        assertEquals(List.of(Map.of("document", dir + "DOC0001.XML", "code", "xdm_size_mismatch", "message",
                "Size " + first.size() + " bytes differs from the " + (first.size() + 7)
                        + " bytes METADATA.XML declares."),
                Map.of("document", dir + "DOC0002.TXT", "code", "xdm_hash_mismatch", "message",
                        "Content differs from the hash METADATA.XML declares.")), done.getList("warnings"));
        as("alice").get("/supporting-documents/uploads/" + id).then().statusCode(200)
                .body(containsString("data-warning=\"xdm_size_mismatch\""))
                .body(containsString("its size differs from the size the package declares"))
                .body(containsString("its content differs from the checksum the package declares"));
    }

    /** Puts a finished upload back as a crashed worker leaves it, so the next run processes it all again. */
    private void processAgain(UUID id) {
        QuarkusTransaction.requiringNew().run(() -> {
            Upload upload = uploads.findById(id);
            upload.status = UploadStatus.PROCESSING;
            upload.finishedAt = null;
            UploadJob job = jobs.findById(id);
            job.state = UploadJob.RUNNING;
            job.leaseOwner = "4242-dead/ferry-upload-1";
            job.leaseExpiresAt = Instant.now().minusSeconds(1);
        });
        workers.wake();
    }
}
