package health.ferry.review;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.UploadCalls;
import health.ferry.uploads.UploadFixtures;
import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import health.ferry.connections.SandboxConnections;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** The coordinator's pages: queue, package, document (text escaped, preview only where safe), dashboard. */
@QuarkusTest
class CoordinatorPagesTest {
    @Inject
    EntityManager em;

    @Test
    void aConnectionFailingForOverAWeekPutsTheParticipantOnTheNeedsHelpList() {
        String person = UploadCalls.ward("alice", "Failing Fern", HEART);
        String connection = SandboxConnections.failed("alice", person, "locked");
        String dashboard = "/coordinator/studies/" + HEART + "/dashboard";
        int before = helpRows(as("casey").get(dashboard).then().statusCode(200).extract().asString());
        // Eight days pass: the connection's history (its typed facts, which the dashboard reads) is moved back, as
        // time would have moved it, and forward again at the end.
        java.util.List<?> moved = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from connection_event where connection_id = ?1").setParameter(1,
                        java.util.UUID.fromString(connection)).getResultList());
        moveHistory(moved, "-");
        try {
            String after = as("casey").get(dashboard).then().statusCode(200).extract().asString();
            assertTrue(helpRows(after) == before + 1 && after.contains("data-reason=\"connection_failing\""),
                    "the participant whose connection failed eight days ago needs help");
            // A participant whose connection works again is no longer listed.
            as("alice").contentType(io.restassured.http.ContentType.JSON).body(Map.of("username", "demo", "password",
                    "demo")).put("/api/v1/connections/" + connection + "/credentials").then().statusCode(202);
            assertTrue("connected".equals(SandboxConnections.settled("alice", connection).getString("status")));
            assertTrue(helpRows(as("casey").get(dashboard).then().statusCode(200).extract().asString()) == before,
                    "a working connection takes the participant off the list");
        } finally {
            moveHistory(moved, "+");
        }
    }

    @Test
    void connectedForOverAWeekWithNothingForTheStudyNeedsHelpWithWhatToTellThem() {
        String person = UploadCalls.ward("alice", "Quiet Quinn", HEART);
        String connection = SandboxConnections.connected("alice", person, "demo");
        String dashboard = "/coordinator/studies/" + HEART + "/dashboard";
        int before = rows(as("casey").get(dashboard).then().statusCode(200).extract().asString(), "no_data");
        java.util.List<?> moved = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from connection_event where connection_id = ?1").setParameter(1,
                        java.util.UUID.fromString(connection)).getResultList());
        moveHistory(moved, "-");
        try {
            String after = as("casey").get(dashboard).then().statusCode(200)
                    .body(containsString("Connected a week ago or more, but the study has no records from them yet"))
                    .body(containsString("Tell them to review the records waiting on Ferry&#39;s Records page"))
                    .extract().asString();
            assertTrue(rows(after, "no_data") == before + 1, "the quiet participant is listed once");
        } finally {
            moveHistory(moved, "+");
        }
        assertTrue(rows(as("casey").get(dashboard).then().extract().asString(), "no_data") == before,
                "connected only today: not yet");
    }

    @Inject
    jakarta.enterprise.event.Event<health.ferry.connections.ConnectionChanged> changed;

    @Test
    void aParticipantWhosePortalAccessEndedNeedsHelpAtOnceWithWhatToTellThem() {
        String person = UploadCalls.ward("alice", "Ended Edda", HEART);
        String connection = SandboxConnections.connected("alice", person, "demo");
        String dashboard = "/coordinator/studies/" + HEART + "/dashboard";
        int before = rows(as("casey").get(dashboard).then().statusCode(200).extract().asString(), "reconnect_needed");
        // What a sync that finds the portal's access ended announces (SyncNoticesTest drives one with a moved clock).
        QuarkusTransaction.requiringNew().run(() -> changed.fire(new health.ferry.connections.ConnectionChanged(null,
                java.util.UUID.fromString(person), java.util.UUID.fromString(connection), null, "status",
                "action_required", "reconnect_required")));
        String after = as("casey").get(dashboard).then().statusCode(200)
                .body(containsString("Their portal access ended: they need to connect again"))
                .body(containsString("choose Reconnect")).extract().asString();
        assertTrue(rows(after, "reconnect_needed") == before + 1, "listed at once, not after a week");
    }

    @Test
    void aStudyWithoutSupportingDocumentsShowsNoUploadChartQueueOrDocumentExport() {
        String asthma = "childhood-asthma-registry";
        String page = as("dana").get("/coordinator/studies/" + asthma + "/dashboard").then().statusCode(200)
                .body(containsString("id=\"chart-funnel\"")).body(containsString("id=\"chart-records\""))
                .extract().asString();
        assertTrue(!page.contains("id=\"chart-uploads\""), "no upload chart");
        assertTrue(!page.contains("/queue") && !page.contains("format=zip"), "no upload queue, no document export");
        assertTrue(!page.contains("data-reason=\"upload_"), "no upload reasons");
        assertTrue(!as("dana").get("/coordinator").then().statusCode(200).extract().asString()
                .contains("/coordinator/studies/" + asthma + "/queue"), "the desk links no queue either");
        as("casey").get("/coordinator/studies/" + HEART + "/dashboard").then().statusCode(200)
                .body(containsString("id=\"chart-uploads\"")).body(containsString("/queue"));
    }

    private static int rows(String page, String reason) {
        return page.split("data-reason=\"" + reason + "\"").length - 1;
    }

    private void moveHistory(java.util.List<?> rows, String sign) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update connection_event set at = at "
                + sign + " interval '8' day where id in (?1)").setParameter(1, rows).executeUpdate());
    }

    private static int helpRows(String page) {
        return page.split("data-reason=\"connection_failing\"").length - 1;
    }

    @Test
    void casetReviewsAPackageThroughThePages() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Pages Parker");
        String pseudonym = CoordinatorFixtures.pseudonymOf(p.upload());
        as("casey").get("/coordinator/studies/" + HEART + "/queue").then().statusCode(200)
                .body(containsString("data-upload=\"" + p.upload() + "\""))
                .body(containsString(pseudonym)).body(not(containsString("Pages Parker")))
                .body(containsString("data-status=\"new\""));
        PageSession page = PageSession.open("casey", "/coordinator/uploads/" + p.upload());
        page.form(Map.of("uploadId", p.upload(), "decision", "rejected", "version", "0"))
                .post("/coordinator/documents/" + p.doc("photo.png") + "/decision").then().statusCode(400)
                .body(containsString("Tell the participant why"));
        page.form(Map.of("uploadId", p.upload(), "decision", "rejected", "version", "0", "reason",
                "This is your insurance card; please upload your lab results."))
                .post("/coordinator/documents/" + p.doc("photo.png") + "/decision").then().statusCode(303);
        page.form(Map.of("uploadId", p.upload(), "decision", "accepted", "version", "0", "kind", "pdf-visit-summary"))
                .post("/coordinator/documents/" + p.doc("lab.pdf") + "/decision").then().statusCode(303);
        // A stale form (version 0 on a decided document) is refused with the reason.
        page.form(Map.of("uploadId", p.upload(), "decision", "rejected", "version", "0", "reason", "late"))
                .post("/coordinator/documents/" + p.doc("lab.pdf") + "/decision").then().statusCode(409)
                .body(containsString("decided on since you opened it"));
        page.form(Map.of("decision", "accepted")).formParam("document", p.doc("summary.xml") + ":0",
                p.doc("notes.html") + ":0").post("/coordinator/uploads/" + p.upload() + "/decisions").then()
                .statusCode(303);
        as("casey").get("/coordinator/uploads/" + p.upload()).then().statusCode(200)
                .body(containsString("data-review-status=\"done\""))
                .body(containsString("insurance card"));
        // The participant sees the outcome and the reason on their upload's page.
        as("alice").get("/supporting-documents/uploads/" + p.upload()).then().statusCode(200)
                .body(containsString("This is your insurance card; please upload your lab results."))
                .body(containsString("data-decision=\"rejected\"")).body(containsString("data-decision=\"accepted\""));
        // Nobody else sees the pages.
        for (String outsider : new String[] {"dana", "alice", "admin"}) {
            as(outsider).get("/coordinator/uploads/" + p.upload()).then().statusCode(404);
            as(outsider).get("/coordinator/studies/" + HEART + "/queue").then().statusCode(404);
            as(outsider).get("/coordinator/studies/" + HEART + "/dashboard").then().statusCode(404);
            as(outsider).get("/coordinator/documents/" + p.doc("lab.pdf")).then().statusCode(404);
        }
    }

    @Test
    void extractedTextIsEscapedAndOnlyPdfPngAndJpegPreview() {
        String person = UploadCalls.ward("alice", "Escaped Ellis", HEART);
        String id = UploadCalls.upload("alice", HEART, person, Map.of("note.txt",
                "Visit <b>bold</b><script>document.title='PWNED'</script>".getBytes(StandardCharsets.UTF_8),
                "lab.pdf", UploadFixtures.labPdf())).then().statusCode(202).extract().path("id");
        var done = UploadCalls.finished("alice", id);
        String txt = done.getString("documents.find { it.name == 'note.txt' }.id");
        String pdf = done.getString("documents.find { it.name == 'lab.pdf' }.id");
        String html = as("casey").get("/coordinator/documents/" + txt).then().statusCode(200)
                .body(containsString("&lt;script&gt;")).body(not(containsString("<script>document")))
                .body(containsString("data-no-preview")).extract().asString();
        assertTrue(!html.contains("/coordinator/documents/" + txt + "/preview"), "no preview for text");
        as("casey").get("/coordinator/documents/" + txt + "/preview").then().statusCode(404);
        as("casey").get("/coordinator/documents/" + pdf).then().statusCode(200)
                .body(containsString("src=\"/coordinator/documents/" + pdf + "/pages/1\""));
        as("casey").get("/coordinator/documents/" + txt + "/pages/1").then().statusCode(400);
        as("casey").get("/coordinator/documents/" + pdf + "/preview").then().statusCode(200)
                .contentType("application/pdf").header("Content-Security-Policy", containsString("sandbox"))
                .header("X-Content-Type-Options", "nosniff");
    }

    @Test
    void theDashboardDrawsEachChartWithItsTableAndMessagesReachNotices() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Helped Harper");
        String pseudonym = CoordinatorFixtures.pseudonymOf(p.upload());
        as("casey").contentType(io.restassured.http.ContentType.JSON).body(Map.of("decision", "rejected", "reason",
                "Please send your lab results.")).post("/api/v1/coordinator/uploads/" + p.upload() + "/review")
                .then().statusCode(200);
        String dashboard = as("casey").get("/coordinator/studies/" + HEART + "/dashboard").then().statusCode(200)
                .body(containsString("id=\"chart-funnel\"")).body(containsString("id=\"chart-records\""))
                .body(containsString("data-participant=\"" + pseudonym + "\" data-reason=\"upload_rejected\""))
                .extract().asString();
        for (String chart : new String[] {"funnel", "connections", "failures", "uploads", "records"}) {
            assertTrue(dashboard.contains("id=\"chart-" + chart + "\""), chart);
        }
        assertTrue(dashboard.split("class=\"chart-canvas").length - 1 == dashboard.split("class=\"chart-data\"")
                .length - 1, "every chart has its table");
        PageSession page = PageSession.open("casey", "/coordinator/studies/" + HEART + "/dashboard");
        page.form(Map.of("participant", pseudonym, "message", "Your upload was not usable: please send lab results."))
                .post("/coordinator/studies/" + HEART + "/messages").then().statusCode(303);
        page.form(Map.of("participant", pseudonym, "message", " ")).post("/coordinator/studies/" + HEART
                + "/messages").then().statusCode(400);
        page.form(Map.of("participant", "P-NOTREAL1", "message", "hello")).post("/coordinator/studies/" + HEART
                + "/messages").then().statusCode(404);
        as("alice").cookie("ferry_acting", p.person()).get("/home").then().statusCode(200)
                .body(containsString("Your upload was not usable: please send lab results."));
    }
}
