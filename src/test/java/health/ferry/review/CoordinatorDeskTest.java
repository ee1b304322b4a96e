package health.ferry.review;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.UploadCalls;
import health.ferry.uploads.UploadFixtures;
import health.ferry.PageSession;
import health.ferry.uploads.archive.HostileArchives;
import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Where coordinators and the admin land, and the PDF preview a document page may frame. */
@QuarkusTest
class CoordinatorDeskTest {
    @Test
    void coordinatorsLandOnTheirDeskNotTheParticipantHome() {
        as("casey").redirects().follow(false).get("/home").then().statusCode(303)
                .header("Location", endsWith("/coordinator"));
        as("casey").get("/home").then().statusCode(200)
                .body(containsString("data-study=\"" + HEART + "\""))
                .body(not(containsString("Acting for"))).body(not(containsString("connect your portal")));
        // Participants keep their home.
        as("alice").redirects().follow(false).get("/home").then().statusCode(200);
    }

    @Test
    void theAdminLandsOnTheDirectoryAndSeesItInTheNavigation() {
        as("admin").redirects().follow(false).get("/home").then().statusCode(303)
                .header("Location", endsWith("/admin/directory"));
        as("admin").get("/account").then().statusCode(200)
                .body(containsString("href=\"/admin/directory\""));
        as("alice").get("/home").then().statusCode(200).body(not(containsString("href=\"/admin/directory\"")));
    }

    @Test
    void thePdfPreviewIsRenderedToImagesTheFrameRouteMayBeFramedByFerryOnlyAndDownloadsStayAttachments()
            throws java.io.IOException {
        String person = UploadCalls.ward("alice", "Framed Frida", HEART);
        String id = UploadCalls.upload("alice", HEART, person, Map.of("lab.pdf", UploadFixtures.labPdf()))
                .then().statusCode(202).extract().path("id");
        String pdf = UploadCalls.finished("alice", id).getString("documents.find { it.name == 'lab.pdf' }.id");
        as("casey").get("/coordinator/documents/" + pdf).then().statusCode(200)
                .header("X-Frame-Options", equalTo("DENY"))
                .body(containsString("src=\"/coordinator/documents/" + pdf + "/pages/1\""))
                .body(not(containsString("<iframe")));
        // The page is drawn by Ferry (PDFBox) as plain pixels: a PNG of a real size, no plugin needed.
        byte[] png = as("casey").get("/coordinator/documents/" + pdf + "/pages/1").then().statusCode(200)
                .contentType("image/png").header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("default-src 'none'")).extract().asByteArray();
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(new java.io.ByteArrayInputStream(png));
        assertTrue(image != null && image.getWidth() > 300 && image.getHeight() > 300, "a page-sized image");
        as("casey").get("/coordinator/documents/" + pdf + "/pages/2").then().statusCode(404);
        as("casey").get("/coordinator/documents/" + pdf + "/pages/0").then().statusCode(404);
        as("dana").get("/coordinator/documents/" + pdf + "/pages/1").then().statusCode(404);
        as("casey").get("/coordinator/documents/" + pdf + "/preview").then().statusCode(200)
                .contentType("application/pdf")
                .header("Content-Security-Policy", equalTo("sandbox; frame-ancestors 'self'"))
                .header("X-Frame-Options", equalTo("SAMEORIGIN"))
                .header("Content-Disposition", equalTo("inline"));
        as("casey").get("/api/v1/coordinator/documents/" + pdf + "/content").then().statusCode(200)
                .header("Content-Disposition", containsString("attachment"))
                .header("X-Frame-Options", equalTo("DENY"));
    }

    private static int undecided(String upload) {
        String html = as("casey").get("/coordinator/uploads/" + upload).then().statusCode(200).extract().asString();
        return html.split("data-decision=\"none\"").length - 1;
    }

    @Test
    void theBulkFormHasNoDefaultAndApplyingNothingChangesNothingAndSaysSo() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Bulk Bailey");
        String url = "/coordinator/uploads/" + p.upload();
        String html = as("casey").get(url).then().statusCode(200).extract().asString();
        String bulk = html.substring(html.indexOf("id=\"bulk\""), html.indexOf("</form>", html.indexOf("id=\"bulk\"")));
        assertTrue(!bulk.contains("checked"), "no decision is chosen for the coordinator");
        assertEquals(4, undecided(p.upload()));
        PageSession page = PageSession.open("casey", url);
        page.form(Map.of("scope", "selected")).formParam("document", p.doc("lab.pdf") + ":0")
                .post(url + "/decisions").then().statusCode(400).body(containsString("Choose Accept or Reject first"));
        page.form(Map.of("decision", "accepted", "scope", "selected")).post(url + "/decisions").then().statusCode(400)
                .body(containsString("data-bulk-error"))
                .body(containsString("No document is selected: tick the documents first. Nothing was changed."));
        assertEquals(4, undecided(p.upload()), "nothing was decided");
    }

    @Test
    void acceptingEveryUndecidedDocumentIsConfirmedFirstAndNamesTheCount() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Confirm Corey");
        String url = "/coordinator/uploads/" + p.upload();
        PageSession page = PageSession.open("casey", url);
        page.form(Map.of("uploadId", p.upload(), "decision", "accepted", "version", "0"))
                .post("/coordinator/documents/" + p.doc("lab.pdf") + "/decision").then().statusCode(303);
        page.form(Map.of("decision", "accepted", "scope", "undecided")).post(url + "/decisions").then()
                .statusCode(200).body(containsString("Accept 3 undecided documents?"))
                .body(containsString("data-confirm=\"3\"")).body(containsString("name=\"confirmed\" value=\"yes\""));
        assertEquals(3, undecided(p.upload()), "asking is not deciding");
        page.form(Map.of("decision", "rejected", "scope", "undecided")).post(url + "/decisions").then()
                .statusCode(400).body(containsString("Tell the participant why"));
        page.form(Map.of("decision", "accepted", "scope", "undecided", "confirmed", "yes")).post(url + "/decisions")
                .then().statusCode(303);
        assertEquals(0, undecided(p.upload()));
    }

    @Test
    void rejectingWithoutAReasonShowsTheErrorAtTheDocumentsCompactCard() {
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Reason Riley");
        String url = "/coordinator/uploads/" + p.upload();
        String photo = p.doc("photo.png");
        String html = as("casey").get(url).then().statusCode(200)
                .body(containsString("action=\"/coordinator/documents/" + photo + "/decision#document-" + photo + "\""))
                .body(containsString("<details class=\"facts-fold\">"))
                .body(containsString("data-confidence=")).extract().asString();
        assertTrue(!html.contains("Confidence</dt><dd>0."), "confidence in words");
        String refused = PageSession.open("casey", url).form(Map.of("uploadId", p.upload(), "decision", "rejected",
                "version", "0")).post("/coordinator/documents/" + photo + "/decision").then().statusCode(400)
                .extract().asString();
        int card = refused.indexOf("id=\"document-" + photo + "\"");
        int error = refused.indexOf("data-document-error");
        int next = refused.indexOf("</li>", card);
        assertTrue(card > 0 && error > card && error < next, "the error is inside the rejected document's card");
        assertTrue(refused.substring(error, next).contains("Tell the participant why"));
        assertTrue(refused.contains("aria-describedby=\"reason-error-" + photo + "\""));
    }

    /** Text between tags (attributes and URLs may carry codes and ids; what people read may not). */
    private static String text(String html) {
        return html.replaceAll("(?s)<[^>]*>", " ");
    }

    @Test
    void theDashboardQueueAndAccessLogSpeakInWordsNotCodes() {
        String person = UploadCalls.ward("alice", "Worded Wren", HEART);
        health.ferry.connections.SandboxConnections.failed("alice", person, "locked");
        CoordinatorFixtures.Package p = CoordinatorFixtures.readyPackage("alice", "Worded Willa");
        as("casey").get("/coordinator/documents/" + p.doc("lab.pdf")).then().statusCode(200)
                .body(containsString("data-confidence="));
        java.util.regex.Pattern code = java.util.regex.Pattern.compile("\\b[a-z]+_[a-z_]+\\b");
        java.util.regex.Pattern iso = java.util.regex.Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:");
        for (String path : new String[] {"/coordinator/studies/" + HEART + "/dashboard",
            "/coordinator/studies/" + HEART + "/queue", "/coordinator/uploads/" + p.upload(),
            "/coordinator/documents/" + p.doc("lab.pdf")}) {
            String shown = text(as("casey").get(path).then().statusCode(200).extract().asString());
            assertTrue(!code.matcher(shown).find(), path + " shows a code: " + code.matcher(shown).results()
                    .map(java.util.regex.MatchResult::group).toList());
            assertTrue(!iso.matcher(shown).find(), path + " shows an ISO timestamp");
            assertTrue(!shown.contains(p.upload()), path + " shows the upload's id");
        }
        String dashboard = text(as("casey").get("/coordinator/studies/" + HEART + "/dashboard").then()
                .extract().asString());
        assertTrue(dashboard.contains("Connection failures by reason"), "failures are named by reason");
        assertTrue(java.util.regex.Pattern.compile("\\d{1,2} [A-Z][a-z]{2} \\d{4}, \\d{2}:\\d{2} UTC")
                .matcher(text(as("casey").get("/coordinator/studies/" + HEART + "/queue").then().extract()
                        .asString())).find(), "received times read as 7 Dec 2026, 14:35 UTC");
        String log = text(as("alice").cookie("ferry_acting", p.person()).get("/account/access-log").then()
                .statusCode(200).extract().asString());
        assertTrue(log.contains("Heart Rhythm Outcomes") && !log.contains(HEART), "the study by its title: " + log);
    }

    @Test
    void anUploadRefusedBeforeReviewPutsTheParticipantOnTheNeedsHelpList() {
        HostileArchives.Case refused = HostileArchives.forEndpoint().stream().filter(c -> c.row().equals("Z9"))
                .findFirst().orElseThrow();
        String dashboard = "/coordinator/studies/" + HEART + "/dashboard";
        int before = as("casey").get(dashboard).then().statusCode(200).extract().asString()
                .split("data-reason=\"upload_refused\"").length - 1;
        String person = UploadCalls.ward("alice", "Refused Remy", HEART);
        String id = UploadCalls.upload("alice", HEART, person, Map.of("records.zip", refused.bytes().get())).then()
                .statusCode(202).extract().path("id");
        assertEquals("rejected", UploadCalls.finished("alice", id).getString("status"));
        String after = as("casey").get(dashboard).then().statusCode(200)
                .body(containsString("Upload refused before review")).extract().asString();
        assertEquals(before + 1, after.split("data-reason=\"upload_refused\"").length - 1,
                "the participant whose upload was refused is listed");
    }

    @Test
    void aParticipantLockedOutOfTheirPortalNeedsHelpAtOnce() {
        String person = UploadCalls.ward("alice", "Locked Lou", HEART);
        health.ferry.connections.SandboxConnections.failed("alice", person, "locked");
        String enrolled = as("casey").get("/coordinator/studies/" + HEART + "/dashboard").then().statusCode(200)
                .body(containsString("data-reason=\"locked_out\""))
                .body(containsString("Locked out of their portal")).extract().asString();
        assertTrue(!text(enrolled).contains("locked_out"), "in words");
    }
}
