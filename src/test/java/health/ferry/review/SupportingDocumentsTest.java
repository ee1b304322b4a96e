package health.ferry.review;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.SupportingDocuments;
import health.ferry.uploads.UploadCalls;
import health.ferry.uploads.api.DocumentBytes;
import health.ferry.uploads.api.DocumentText;
import health.ferry.uploads.api.StudyUpload;
import health.ferry.uploads.api.SupportingDocument;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * uploads' one public face, used from outside uploads as review uses it: a study's uploads, a document with its text,
 * bytes and page images, reclassifying and marking reviewed, the upload limit; and its seam: a coordinator's decision
 * reaches the participant's upload through {@code uploads.api.DocumentDecisions}.
 */
@QuarkusTest
class SupportingDocumentsTest {
    static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G'};

    @Inject
    SupportingDocuments documents;

    @Test
    void aStudysUploadAndItsDocumentsAreReadThroughThePublicFace() throws Exception {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Face Fenna");
        UUID upload = UUID.fromString(p.upload());
        UUID person = UUID.fromString(p.person());

        StudyUpload u = documents.forStudy(HEART).stream().filter(x -> x.id().equals(upload)).findFirst()
                .orElseThrow();
        assertEquals(person, u.personId());
        assertEquals("ready_for_review", u.status());
        assertTrue(u.inReview() && u.awaitingReview());
        assertEquals(u, documents.upload(upload).orElseThrow());
        assertTrue(documents.uploadIdsByPerson(HEART).get(person).contains(upload));
        assertEquals(java.util.Set.of(upload), documents.uploadIdsOf(person, HEART));

        List<SupportingDocument> docs = documents.documentsOf(List.of(upload)).get(upload);
        assertEquals(List.of("summary.xml", "lab.pdf", "photo.png", "notes.html"), docs.stream()
                .map(d -> d.name().substring(d.name().lastIndexOf('/') + 1)).toList(), "in the package's order");
        assertTrue(docs.stream().allMatch(d -> d.uploadId().equals(upload) && d.kind() != null));
        assertEquals(4, documents.documents(docs.stream().map(SupportingDocument::id).toList()).size());

        UUID summary = UUID.fromString(p.doc("summary.xml"));
        DocumentText whole = documents.text(summary, 100_000);
        DocumentText cut = documents.text(summary, 10);
        assertTrue(whole.text().length() > 10, whole.text());
        assertEquals(whole.text().substring(0, 10), cut.text());
        assertTrue(cut.truncated());

        UUID photo = UUID.fromString(p.doc("photo.png"));
        DocumentBytes png = documents.bytes(photo);
        assertEquals("image/png", png.mediaType());
        assertEquals(Files.size(png.file()), png.size());
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(Files.readAllBytes(png.file()), 4));
        assertEquals(404, assertThrows(OutcomeException.class, () -> documents.bytes(UUID.randomUUID())).outcome()
                .status());

        UUID lab = UUID.fromString(p.doc("lab.pdf"));
        DocumentBytes pdf = documents.bytes(lab);
        assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(documents.pageImage(pdf, lab.toString(), 1), 4),
                "page 1 of the PDF as a PNG");
        assertEquals(404, assertThrows(OutcomeException.class, () -> documents.pageImage(pdf, lab.toString(),
                SupportingDocuments.MAX_PREVIEW_PAGES + 1)).outcome().status());
        assertEquals(400, assertThrows(OutcomeException.class, () -> documents.pageImage(png, photo.toString(), 1))
                .outcome().status(), "no page images of what is not a PDF");
    }

    @Test
    void reclassifyingAndMarkingReviewedChangeTheUploadAndDecisionsReachTheParticipant() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Face Flynn");
        UUID upload = UUID.fromString(p.upload());
        UUID photo = UUID.fromString(p.doc("photo.png"));

        assertEquals(400, assertThrows(OutcomeException.class, () -> documents.reclassify(photo, "no-such-kind",
                null)).outcome().status());
        String kind = documents.kinds().get(0);
        documents.reclassify(photo, kind, "documents");
        SupportingDocument d = documents.document(photo).orElseThrow();
        assertEquals(kind, d.kind());
        assertEquals("documents", d.category());

        assertFalse(documents.markReviewed(upload, 3, true), "one of four undecided: still in review");
        assertEquals("ready_for_review", documents.upload(upload).orElseThrow().status());

        // A coordinator's decision, and the participant's own upload shows it (uploads reads it through its seam).
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "rejected", "reason",
                "This is a photo of a card, not a record.")).post("/api/v1/coordinator/documents/" + photo + "/review")
                .then().statusCode(200);
        as("alice").get("/api/v1/uploads/" + upload).then().statusCode(200)
                .body("documents.find { it.id == '" + photo + "' }.review.decision", equalTo("rejected"))
                .body("documents.find { it.id == '" + photo + "' }.review.reason",
                        equalTo("This is a photo of a card, not a record."))
                .body("documents.find { it.id == '" + p.doc("lab.pdf") + "' }.review", equalTo(null));
    }

    @Test
    void anUploadDeclaredOverItsStudysLimitIsRefusedBeforeItsBody() {
        String person = UploadCalls.ward("alice", "Face Fia", HEART);
        String path = UploadCalls.path(HEART, person);
        assertEquals(413, documents.declaredTooLarge("POST", path, String.valueOf(Long.MAX_VALUE / 2)).orElseThrow()
                .outcome().status());
        assertTrue(documents.declaredTooLarge("POST", path, "1000").isEmpty());
        assertTrue(documents.declaredTooLarge("GET", path, String.valueOf(Long.MAX_VALUE / 2)).isEmpty());
    }
}
