package health.ferry.review;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.UploadCalls;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** Coordinators review a package through the API: queue, document, bytes, decisions, locking, funnel, export. */
@QuarkusTest
public class CoordinatorApiTest {
    static final String API = "/api/v1/coordinator";

    /** Collects {@link PackageReviewed} as another feature would observe it. */
    @ApplicationScoped
    static class ReviewedPackages {
        static final List<PackageReviewed> SEEN = new CopyOnWriteArrayList<>();

        void seen(@Observes PackageReviewed e) {
            SEEN.add(e);
        }
    }

    @Test
    void theQueueShowsPackagesByPseudonymOldestFirstWithCounts() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Queue Quinn");
        JsonPath queue = as("casey").get(API + "/studies/" + HEART + "/uploads?status=new").then().statusCode(200)
                .body("items.status", everyItem(equalTo("ready_for_review")))
                .body("items.reviewStatus", everyItem(equalTo("new")))
                .extract().jsonPath();
        Map<String, Object> mine = queue.getMap("items.find { it.id == '" + p.upload() + "' }");
        assertTrue(mine != null, queue.prettify());
        String text = mine.toString();
        assertFalse(text.contains(p.person()), "no person id: " + text);
        assertFalse(text.contains("Queue Quinn"), "no name: " + text);
        assertTrue(((Map<?, ?>) mine.get("participant")).get("pseudonym").toString().matches("P-[A-Z2-9]{8}"), text);
        List<String> received = queue.getList("items.receivedAt");
        assertEquals(received.stream().sorted().toList(), received, "oldest first");
        as("casey").get(API + "/studies/" + HEART + "/uploads?kind=html").then().statusCode(200)
                .body("items.id", hasItem(p.upload()));
        as("casey").get(API + "/studies/" + HEART + "/uploads?kind=dicom").then().statusCode(200)
                .body("items.id", not(hasItem(p.upload())));
        as("casey").get(API + "/studies/" + HEART + "/uploads?status=bogus").then().statusCode(400)
                .body("code", equalTo("validation_failed"));
    }

    @Test
    void aDocumentComesWithItsTextAndItsBytesOnlyAsAnAttachmentThatCannotRun() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Bytes Bailey");
        as("casey").get(API + "/documents/" + p.doc("lab.pdf")).then().statusCode(200)
                .body("kind", equalTo("pdf-lab-report")).body("pages", equalTo(1))
                .body("text", containsString("Hemoglobin")).body("textTruncated", equalTo(false))
                .body("review", nullValue());
        byte[] html = as("casey").get(API + "/documents/" + p.doc("notes.html") + "/content").then().statusCode(200)
                .header("Content-Disposition", matchesPattern("attachment; filename=\"notes\\.html\".*"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("sandbox"))
                .contentType(not(containsString("html")))
                .extract().asByteArray();
        assertArrayEquals(CoordinatorFixtures.HOSTILE_HTML.getBytes(StandardCharsets.UTF_8), html);
    }

    @Test
    void decisionsReachTheParticipantAndTheSecondConcurrentDeciderIsTold() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Decided Dana");
        int seenBefore = ReviewedPackages.SEEN.size();
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "accepted"))
                .post(API + "/documents/" + p.doc("summary.xml") + "/review").then().statusCode(200)
                .body("review.decision", equalTo("accepted")).body("review.version", equalTo(1))
                .body("review.decidedBy", equalTo("casey"));
        // A second coordinator who opened the document before the first decided is not allowed to overwrite it.
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "rejected", "reason", "wrong"))
                .post(API + "/documents/" + p.doc("summary.xml") + "/review").then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("already_decided"))
                .body("currentDecision", equalTo("accepted")).body("currentVersion", equalTo("1"));
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "rejected"))
                .post(API + "/documents/" + p.doc("photo.png") + "/review").then().statusCode(400)
                .body("errors[0].field", equalTo("reason"));
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "maybe"))
                .post(API + "/documents/" + p.doc("photo.png") + "/review").then().statusCode(400)
                .body("errors[0].field", equalTo("decision"));
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "accepted", "kind", "no-such-kind"))
                .post(API + "/documents/" + p.doc("photo.png") + "/review").then().statusCode(400)
                .body("errors[0].field", equalTo("kind"));
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "rejected",
                "reason", "This is a photo of your insurance card; please upload your lab results."))
                .post(API + "/documents/" + p.doc("photo.png") + "/review").then().statusCode(200);
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "accepted", "kind", "pdf-visit-summary",
                "category", "visits")).post(API + "/documents/" + p.doc("lab.pdf") + "/review").then()
                .statusCode(200).body("kind", equalTo("pdf-visit-summary")).body("category", equalTo("visits"));
        as("casey").get(API + "/uploads/" + p.upload()).then().statusCode(200).body("reviewStatus",
                equalTo("in_review"));
        // Changing a decision with the version seen works.
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "accepted", "version", 1))
                .post(API + "/documents/" + p.doc("lab.pdf") + "/review").then().statusCode(200)
                .body("review.version", equalTo(2));
        // The rest of the package at once: only the undecided document (the HTML page).
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "rejected", "reason", "Not a record."))
                .post(API + "/uploads/" + p.upload() + "/review").then().statusCode(200)
                .body("reviewStatus", equalTo("done")).body("status", equalTo("accepted"));
        assertTrue(ReviewedPackages.SEEN.subList(seenBefore, ReviewedPackages.SEEN.size()).stream()
                .anyMatch(e -> e.uploadId().toString().equals(p.upload()) && e.studyId().equals(HEART)
                        && e.personId().toString().equals(p.person())));

        JsonPath mine = as("alice").get("/api/v1/uploads/" + p.upload()).then().statusCode(200)
                .body("status", equalTo("accepted")).extract().jsonPath();
        Map<String, Object> photo = mine.getMap("documents.find { it.name == 'records/photo.png' }");
        assertEquals(Map.of("decision", "rejected", "reason",
                "This is a photo of your insurance card; please upload your lab results."), photo.get("review"));
        assertEquals("pdf-visit-summary", mine.getString("documents.find { it.name == 'records/lab.pdf' }.kind"));
    }

    @Test
    void aRejectedPackageIsDoneAndRejectedForTheParticipant() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Rejected Riley");
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "rejected",
                "reason", "Please upload your lab results.", "documents", List.of(
                        Map.of("id", p.doc("summary.xml"), "version", 0), Map.of("id", p.doc("lab.pdf")))))
                .post(API + "/uploads/" + p.upload() + "/review").then().statusCode(200)
                .body("reviewStatus", equalTo("in_review"));
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "rejected", "reason", "Not readable."))
                .post(API + "/uploads/" + p.upload() + "/review").then().statusCode(200)
                .body("status", equalTo("rejected"));
        as("alice").get("/api/v1/uploads/" + p.upload()).then().statusCode(200).body("status", equalTo("rejected"))
                .body("documents.review.decision", everyItem(equalTo("rejected")));
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "accepted"))
                .post(API + "/uploads/" + p.upload() + "/review").then().statusCode(400)
                .body("errors[0].field", equalTo("documents"));
        as("casey").get(API + "/studies/" + HEART + "/uploads?status=done").then().statusCode(200)
                .body("items.id", hasItem(p.upload()));
    }

    @Test
    void theFunnelCountsTheStudysPeople() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Funnel Finley");
        JsonPath before = as("casey").get(API + "/studies/" + HEART + "/funnel").then().statusCode(200)
                .extract().jsonPath();
        as("alice").cookie("ferry_acting", p.person()).get("/connections/new?by=organization&q=Sandbox").then()
                .statusCode(200);
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "accepted"))
                .post(API + "/uploads/" + p.upload() + "/review").then().statusCode(200);
        JsonPath after = as("casey").get(API + "/studies/" + HEART + "/funnel").then().statusCode(200)
                .body("enrolled", greaterThanOrEqualTo(1)).body("failuresByCode", notNullValue())
                .body("attempted", notNullValue()).body("connected", notNullValue()).extract().jsonPath();
        assertEquals(before.getInt("searched") + 1, after.getInt("searched"), "the portal search is counted");
        assertEquals(before.getInt("accepted") + 1, after.getInt("accepted"), "the accepted package is counted");
        assertEquals(before.getInt("uploads"), after.getInt("uploads"));
        as("dana").get(API + "/studies/childhood-asthma-registry/funnel").then().statusCode(200)
                .body("uploads", equalTo(0));
    }

    @Test
    void acceptedDocumentsExportAsAZipWithAManifest() throws IOException {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Export Emery");
        String pseudonym = CoordinatorFixtures.pseudonymOf(p.upload());
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "accepted"))
                .post(API + "/documents/" + p.doc("lab.pdf") + "/review").then().statusCode(200);
        byte[] zip = as("casey").get(API + "/studies/" + HEART + "/export?format=zip").then().statusCode(200)
                .contentType("application/zip").header("Content-Disposition", containsString("attachment"))
                .extract().asByteArray();
        Map<String, byte[]> entries = unzip(zip);
        String manifest = new String(entries.get("manifest.csv"), StandardCharsets.UTF_8);
        assertTrue(manifest.startsWith("pseudonym,document id,kind,category,sha256,decision,decided at\n"), manifest);
        String row = manifest.lines().filter(l -> l.contains(p.doc("lab.pdf"))).findFirst().orElseThrow();
        assertTrue(row.startsWith(pseudonym + "," + p.doc("lab.pdf") + ",pdf-lab-report,lab_results,"), row);
        assertTrue(row.contains(",accepted,"), row);
        assertFalse(manifest.contains(p.doc("photo.png")), "undecided documents stay out");
        byte[] pdf = entries.get("documents/" + pseudonym + "/" + p.doc("lab.pdf") + ".pdf");
        assertTrue(pdf != null && pdf.length > 100, entries.keySet().toString());
        assertTrue(row.contains("," + sha256(pdf) + ","), row);
        as("casey").get(API + "/studies/" + HEART + "/export?format=csv").then().statusCode(400)
                .body("errors[0].field", equalTo("format"));
        // The records export is a ZIP of NDJSON files (its content is covered by the records export test).
        Map<String, byte[]> ndjson = unzip(as("casey").get(API + "/studies/" + HEART + "/export?format=ndjson")
                .then().statusCode(200).extract().asByteArray());
        assertTrue(ndjson.keySet().stream().allMatch(n -> n.matches("[A-Za-z]+\\.ndjson")), ndjson.keySet()
                .toString());
    }

    @jakarta.inject.Inject
    health.ferry.records.RecordStore store;

    @Test
    void acceptedRecordsExportAsPseudonymisedNdjsonPerResourceType() throws IOException {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Ndjson Noor");
        String pseudonym = CoordinatorFixtures.pseudonymOf(p.upload());
        java.util.UUID person = java.util.UUID.fromString(p.person());
        health.ferry.records.RecordSource source = health.ferry.records.RecordSource.upload(
                java.util.UUID.fromString(p.upload()));
        store.upsert(person, source, "{\"resourceType\":\"Patient\",\"id\":\"pt-" + pseudonym + "\","
                + "\"name\":[{\"family\":\"Noor\",\"given\":[\"Ndjson\"]}],\"gender\":\"female\","
                + "\"birthDate\":\"2012-06-01\",\"telecom\":[{\"value\":\"555-0100\"}]}");
        // A laboratory result: the heart study requests lab results (and the participant shares all it requests).
        store.upsert(person, source, "{\"resourceType\":\"Observation\",\"id\":\"obs-" + pseudonym + "\","
                + "\"status\":\"final\",\"category\":[{\"coding\":[{\"code\":\"laboratory\"}]}],"
                + "\"text\":{\"div\":\"<div>Ndjson Noor</div>\"},"
                + "\"code\":{\"text\":\"Hemoglobin\"},\"subject\":{\"reference\":\"Patient/pt-" + pseudonym
                + "\",\"display\":\"Ndjson Noor\"},\"effectiveDateTime\":\"2024-01-02\"}");
        // An observation of no category the study requests ("other"): accepted, yet not the study's to receive.
        store.upsert(person, source, "{\"resourceType\":\"Observation\",\"id\":\"other-" + pseudonym + "\","
                + "\"status\":\"final\",\"code\":{\"text\":\"Shoe size\"},\"subject\":{\"reference\":"
                + "\"Patient/pt-" + pseudonym + "\"}}");
        store.upsert(person, source, "{\"resourceType\":\"Condition\",\"id\":\"cond-" + pseudonym + "\","
                + "\"code\":{\"text\":\"Atrial fibrillation\"},\"subject\":{\"reference\":\"Patient/pt-"
                + pseudonym + "\"}}");
        List<String> pending = as("alice").get("/api/v1/people/" + p.person() + "/records").then().statusCode(200)
                .extract().jsonPath().getList("items.findAll { it.resourceType != 'Condition' }.id");
        as("alice").contentType(ContentType.JSON).body(Map.of("accept", pending, "delete", List.of()))
                .post("/api/v1/people/" + p.person() + "/records/decisions").then().statusCode(200);

        Map<String, byte[]> files = unzip(as("casey").get(API + "/studies/" + HEART + "/export?format=ndjson")
                .then().statusCode(200).contentType("application/zip").extract().asByteArray());
        List<String> patients = lines(files.get("Patient.ndjson"), pseudonym);
        assertEquals(List.of("{\"resourceType\":\"Patient\",\"gender\":\"female\",\"birthDate\":\"2012\","
                + "\"id\":\"" + pseudonym + "\"}"), patients);
        List<String> observations = lines(files.get("Observation.ndjson"), pseudonym);
        assertEquals(1, observations.size(), observations.toString());
        assertFalse(observations.get(0).contains("Shoe size"), "a category the study does not request");
        assertFalse(observations.get(0).contains("obs-" + pseudonym), "the id is the study's, not the portal's");
        String obs = observations.get(0);
        assertTrue(obs.contains("\"reference\":\"Patient/" + pseudonym + "\""), obs);
        assertFalse(obs.contains("Noor"), "no name, no narrative: " + obs);
        assertTrue(files.get("Condition.ndjson") == null || lines(files.get("Condition.ndjson"), pseudonym)
                .isEmpty(), "records the participant did not accept stay out");
    }

    public static List<String> lines(byte[] ndjson, String pseudonym) {
        return ndjson == null ? List.of() : new String(ndjson, StandardCharsets.UTF_8).lines()
                .filter(l -> l.contains(pseudonym)).toList();
    }

    @Test
    void theParticipantReadsWhoLookedAtWhat() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Logged Logan");
        as("casey").get(API + "/documents/" + p.doc("lab.pdf")).then().statusCode(200);
        as("casey").get(API + "/documents/" + p.doc("lab.pdf") + "/content").then().statusCode(200);
        as("casey").contentType(ContentType.JSON).body(Map.of("decision", "accepted"))
                .post(API + "/documents/" + p.doc("lab.pdf") + "/review").then().statusCode(200);
        String log = as("alice").get("/api/v1/people/" + p.person() + "/access-log").then().statusCode(200)
                .body("items.action", hasItem("view_document")).body("items.action", hasItem("download_document"))
                .body("items.action", hasItem("decide_document")).body("items.actor", everyItem(equalTo("casey")))
                .body("items.actorRole", everyItem(equalTo("coordinator")))
                .body("items.study", everyItem(equalTo(HEART)))
                .body("items.object", hasItem("document")).extract().asString();
        assertFalse(log.contains(p.doc("lab.pdf")), "no internal ids: " + log);
        assertFalse(log.contains(p.upload()), "no internal ids: " + log);
        as("alice").cookie("ferry_acting", p.person()).get("/account/access-log").then().statusCode(200)
                .body(containsString("Decided on a document")).body(containsString("Downloaded a document"))
                .body(containsString("casey"));
        as("bob").get("/api/v1/people/" + p.person() + "/access-log").then().statusCode(404);
        given().redirects().follow(false).accept(ContentType.JSON).get("/api/v1/people/" + p.person() + "/access-log")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(401), equalTo(302)));
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }
}
