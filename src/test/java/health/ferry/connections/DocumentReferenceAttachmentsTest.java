package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.ferry.uploads.DocumentFixtures;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 23, item 6: a portal's DocumentReference attachments are fetched by the sync (Binary through the portal
 * client, or inline data), within the caps, and kept as a Supporting Documents upload of the study the participant
 * shares documents with: text extracted by the worker, classified, in the coordinator's review and the participant's
 * list. What could not be kept (too large, 404, wrong type) is recorded and the sync still succeeds.
 */
@QuarkusTest
class DocumentReferenceAttachmentsTest extends StrictPortalTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String HEART = "heart-rhythm-outcomes";
    private static final String COORDINATOR = "casey";

    @Inject
    EntityManager em;

    @Test
    void theSandboxPortalsClinicalNotesArriveAsDocumentsForReview() {
        String person = enrolledWard("Notes Nia");
        String id = SandboxConnections.connected(PARTICIPANT, person, "demo");
        syncAndWait(id);
        Map<String, String> outcomes = outcomes(id);
        assertTrue(!outcomes.isEmpty() && outcomes.values().stream().allMatch("fetched"::equals), outcomes.toString());

        JsonPath upload = portalUpload(person);
        assertEquals("ready_for_review", upload.getString("status"));
        int documents = upload.getList("documents").size();
        assertTrue(documents >= 1 && documents <= outcomes.size(), "one document per note (notes with the same "
                + "bytes are one): " + documents + " of " + outcomes.size());
        assertTrue(upload.<String>getList("documents.name").stream().distinct().count() == documents,
                "the notes' shared titles were made distinct: " + upload.getList("documents.name"));
        assertTrue(upload.getString("documents[0].mediaType").startsWith("text/plain"), upload.prettify());
        JsonPath document = coordinatorDocument(upload.getString("documents[0].id"));
        assertTrue(document.getString("text").contains("This note is synthetic test data from the Ferry sandbox "
                + "portal."), document.getString("text"));

        // A second sync fetches nothing again: the notes' versions were fetched before.
        long rows = outcomes.size();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update sync_run set started_at ="
                + " started_at - interval '2' minute where connection_id = ?1").setParameter(1, UUID.fromString(id))
                .executeUpdate());
        syncAndWait(id);
        assertEquals(rows, count(id), "no attachment met again was fetched again");
        assertEquals(1, as(PARTICIPANT).get("/api/v1/people/" + person + "/uploads").then().statusCode(200)
                .extract().jsonPath().getList("items").size());
    }

    @Test
    void theStrictPortalsAttachmentsAreFetchedWithinTheCapsAndProblemsAreRecorded() throws IOException {
        String pdfText = "Discharge summary\nAtrial fibrillation, rate controlled.";
        server.binaries.put("pdf-1", new StrictSmartServer.Binary("application/pdf", pdf(pdfText)));
        server.binaries.put("big-1", new StrictSmartServer.Binary("text/plain",
                "x".repeat(21 * 1024 * 1024).getBytes(StandardCharsets.US_ASCII)));
        server.binaries.put("gif-1", new StrictSmartServer.Binary("image/gif", new byte[] {'G', 'I', 'F', '8'}));
        server.searchResults.put("DocumentReference", List.of(
                reference("doc-pdf", attachment("application/pdf", "Binary/pdf-1", null, "Discharge summary")),
                reference("doc-inline", attachment("text/plain", null, "Inline note: rest and fluids.", "Clinic note")),
                reference("doc-gone", attachment("application/pdf", "Binary/gone-1", null, "Old letter")),
                reference("doc-big", attachment("text/plain", "Binary/big-1", null, "Huge transcript")),
                reference("doc-declared-big", attachment("application/pdf", "Binary/pdf-1", null, "Scan")
                        .put("size", 30L * 1024 * 1024)),
                reference("doc-gif", attachment("text/plain", "Binary/gif-1", null, "Not what it says")),
                reference("doc-elsewhere", attachment("application/pdf", "https://files.example/x.pdf", null,
                        "Elsewhere"))));
        String person = enrolledWard("Strict Docs");
        String id = portal.connectedFor(person);
        syncAndWait(id);

        JsonPath c = as(PARTICIPANT).get("/api/v1/connections/" + id).then().extract().jsonPath();
        assertEquals("new_records", c.getString("lastSync.outcome"), "the problems did not fail the sync");
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("doc-pdf", "fetched");
        expected.put("doc-inline", "fetched");
        expected.put("doc-gone", "not_found");
        expected.put("doc-big", "too_large");
        expected.put("doc-declared-big", "too_large");
        expected.put("doc-gif", "wrong_type");
        expected.put("doc-elsewhere", "not_on_portal");
        assertEquals(expected, outcomes(id));
        assertTrue(server.fhirRequests.stream().noneMatch(r -> r.contains("files.example")));
        assertTrue(server.fhirRequests.contains("/fhir/Binary/gone-1"), server.fhirRequests.toString());

        JsonPath upload = portalUpload(person);
        assertEquals("ready_for_review", upload.getString("status"));
        Map<String, String> byName = new LinkedHashMap<>();
        for (Map<String, Object> d : upload.<Map<String, Object>>getList("documents")) {
            byName.put((String) d.get("name"), (String) d.get("id"));
        }
        assertEquals(List.of("Discharge summary.pdf", "Clinic note.txt"), List.copyOf(byName.keySet()));
        assertTrue(coordinatorDocument(byName.get("Discharge summary.pdf")).getString("text")
                .contains("Atrial fibrillation, rate controlled."));
        assertTrue(coordinatorDocument(byName.get("Clinic note.txt")).getString("text")
                .contains("Inline note: rest and fluids."));
        as(COORDINATOR).get("/api/v1/coordinator/studies/" + HEART + "/uploads").then().statusCode(200)
                .body("items.id", org.hamcrest.Matchers.hasItem(upload.getString("id")));
        assertEquals(id, upload.getString("sourceConnectionId"), "the upload names the connection it came from");
        as(PARTICIPANT).get("/supporting-documents/uploads/" + upload.getString("id")).then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("Fetched by Ferry from your patient portal"))
                .body(org.hamcrest.Matchers.containsString("Discharge summary.pdf"));
    }

    @Test
    void withoutAStudyThatTakesDocumentsNothingIsFetched() {
        server.binaries.put("pdf-1", new StrictSmartServer.Binary("text/plain", "a note".getBytes(StandardCharsets
                .UTF_8)));
        server.searchResults.put("DocumentReference", List.of(reference("doc-1", attachment("text/plain",
                "Binary/pdf-1", null, "Note"))));
        String id = portal.connected(); // a ward enrolled in no study
        syncAndWait(id);
        assertEquals(Map.of(), outcomes(id));
        assertTrue(server.fhirRequests.stream().noneMatch(r -> r.startsWith("/fhir/Binary/")));
    }

    private static String enrolledWard(String name) {
        String person = Sandbox.ward(PARTICIPANT, name + " " + UUID.randomUUID().toString().substring(0, 6),
                "2011-04-05");
        as(PARTICIPANT).contentType(ContentType.JSON).body(Map.of("personId", person, "consentVersion", "2026-03"))
                .post("/api/v1/studies/" + HEART + "/enrollments").then().statusCode(201);
        return person;
    }

    private static ObjectNode attachment(String type, String url, String inlineText, String title) {
        ObjectNode a = JSON.createObjectNode().put("contentType", type).put("title", title);
        if (url != null) {
            a.put("url", url);
        }
        if (inlineText != null) {
            a.put("data", Base64.getEncoder().encodeToString(inlineText.getBytes(StandardCharsets.UTF_8)));
        }
        return a;
    }

    private static JsonNode reference(String id, ObjectNode attachment) {
        ObjectNode d = JSON.createObjectNode().put("resourceType", "DocumentReference").put("id", id)
                .put("status", "current");
        d.putObject("meta").put("versionId", "1");
        d.putObject("type").put("text", "Clinical note");
        d.putObject("subject").put("reference", "Patient/p-1");
        d.putArray("content").addObject().set("attachment", attachment);
        return d;
    }

    private static byte[] pdf(String text) throws IOException {
        Path dir = Files.createTempDirectory("ferry-docref");
        try {
            return Files.readAllBytes(DocumentFixtures.pdf(dir.resolve("d.pdf"), text));
        } finally {
            try (var files = Files.list(dir)) {
                files.forEach(f -> f.toFile().delete());
            }
            Files.delete(dir);
        }
    }

    /** "Sync now", then waits until the run has finished. */
    private static void syncAndWait(String id) {
        String run = as(PARTICIPANT).post("/api/v1/connections/" + id + "/sync").then().statusCode(202).extract()
                .path("syncRunId");
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath c = as(PARTICIPANT).get("/api/v1/connections/" + id).then().extract().jsonPath();
            if (c.get("lastSync.finishedAt") != null) {
                return;
            }
            sleep();
        }
        fail("sync " + run + " did not finish");
    }

    /** The connection's attachments by DocumentReference id and what the syncs made of them (the latest). */
    private Map<String, String> outcomes(String connectionId) {
        Map<String, String> outcomes = new LinkedHashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            List<?> rows = em.createNativeQuery("select document_id, outcome from sync_attachment where "
                    + "connection_id = ?1 order by recorded_at, document_id").setParameter(1,
                            UUID.fromString(connectionId)).getResultList();
            for (Object row : rows) {
                Object[] r = (Object[]) row;
                outcomes.put((String) r[0], (String) r[1]);
            }
        });
        return outcomes;
    }

    private long count(String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("select count(*) from "
                + "sync_attachment where connection_id = ?1").setParameter(1, UUID.fromString(connectionId))
                .getSingleResult()).longValue());
    }

    /** The person's one upload (made by the sync), once processed. */
    private static JsonPath portalUpload(String person) {
        // The first upload of a test JVM starts the extraction worker: on a loaded 2-core machine that took minutes.
        long deadline = System.currentTimeMillis() + 360_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath list = as(PARTICIPANT).get("/api/v1/people/" + person + "/uploads").then().statusCode(200)
                    .extract().jsonPath();
            List<String> statuses = list.getList("items.status");
            if (statuses.size() == 1 && !List.of("received", "processing").contains(statuses.get(0))) {
                return as(PARTICIPANT).get("/api/v1/uploads/" + list.getString("items[0].id")).then().statusCode(200)
                        .extract().jsonPath();
            }
            sleep();
        }
        return fail("no processed upload for " + person);
    }

    private static JsonPath coordinatorDocument(String id) {
        return as(COORDINATOR).get("/api/v1/coordinator/documents/" + id).then().statusCode(200).extract().jsonPath();
    }

    private static void sleep() {
        try {
            Thread.sleep(300);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException(e));
        }
    }
}
