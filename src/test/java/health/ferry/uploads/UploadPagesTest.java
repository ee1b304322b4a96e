package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.ASTHMA;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.finished;
import static health.ferry.uploads.UploadCalls.ward;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.PageSession;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The Supporting Documents pages for the person being acted for, with JavaScript's help or without it. */
@QuarkusTest
class UploadPagesTest {
    private static final String PAGE = "/supporting-documents";

    @Inject
    ConfirmationRepository confirmations;

    private static String page(String user, String actingFor) {
        return as(user).cookie("ferry_acting", actingFor).get(PAGE).then().statusCode(200).extract().asString();
    }

    private static void confirm(String person) {
        PageSession.open("alice", PAGE).form(Map.of("personId", person, "confirm", "on"))
                .post(PAGE + "/" + HEART + "/confirm").then().statusCode(303)
                .header("Location", containsString(PAGE + "#study-" + HEART));
    }

    @Test
    void theQuestionComesFirstAndIsRecordedBeforeTheUploadFormAppears() {
        String person = ward("alice", "Page Prerequisite", HEART);
        String before = page("alice", person);
        assertTrue(before.contains("I tried to connect my patient portal and could not."), before);
        assertTrue(before.contains("action=\"" + PAGE + "/" + HEART + "/confirm\""));
        assertTrue(!before.contains("enctype=\"multipart/form-data\""), "no upload form before confirming");

        PageSession.open("alice", PAGE).form(Map.of("personId", person)).post(PAGE + "/" + HEART + "/confirm")
                .then().statusCode(400).body(containsString("Tick the box"));
        confirm(person);
        PrerequisiteConfirmation recorded = QuarkusTransaction.requiringNew().call(() -> confirmations
                .findCurrent(HEART, UUID.fromString(person), "I tried to connect my patient portal and could not.")
                .orElseThrow());
        String owner = as("alice").get("/api/v1/me").then().extract().path("account.id");
        assertEquals(UUID.fromString(owner), recorded.confirmedBy);
        assertTrue(recorded.confirmedAt != null);

        String after = page("alice", person);
        assertTrue(after.contains("enctype=\"multipart/form-data\"") && after.contains("webkitdirectory")
                && after.contains("name=\"csrf-token\"") && after.contains("/static/uploads.js"), after);
        assertTrue(after.contains("data-api=\"/api/v1/studies/" + HEART + "/people/" + person
                + "/supporting-documents\""), after);
    }

    @Test
    void withoutJavaScriptThePlainFormPostLeadsToTheUploadsPage() {
        String person = ward("alice", "Page Plain Post", HEART);
        confirm(person);
        String location = PageSession.open("alice", PAGE).multipart().multiPart("personId", person)
                .multiPart("prerequisiteConfirmed", "true")
                .multiPart(new MultiPartSpecBuilder(UploadFixtures.labPdf()).controlName("file")
                        .fileName("labs.pdf").mimeType("application/pdf").build())
                .multiPart(new MultiPartSpecBuilder(new byte[0]).controlName("file").fileName("")
                        .mimeType("application/octet-stream").build())
                .post(PAGE + "/" + HEART + "/uploads").then().statusCode(303)
                .header("Location", containsString(PAGE + "/uploads/")).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        finished("alice", id);
        as("alice").cookie("ferry_acting", person).get(PAGE + "/uploads/" + id).then().statusCode(200)
                .body(allOf(containsString("Ready for review"), containsString("labs.pdf"),
                        containsString("Lab report (PDF)"), not(containsString("data-poll"))));
        assertTrue(page("alice", person).contains("Lab report (PDF)"), "My data lists the documents");
        as("bob").get(PAGE + "/uploads/" + id).then().statusCode(404);
    }

    @Test
    void aRefusedPostShowsThePageAgainWithTheReason() {
        String person = ward("alice", "Page Refused", HEART);
        PageSession.open("alice", PAGE).multipart().multiPart("personId", person)
                .multiPart(new MultiPartSpecBuilder(UploadFixtures.note("x")).controlName("file").fileName("x.txt")
                        .build())
                .post(PAGE + "/" + HEART + "/uploads").then().statusCode(400)
                .contentType(containsString("text/html")).body(containsString("Please confirm first"));
        PageSession.open("alice", PAGE).multipart().multiPart("personId", person)
                .multiPart("prerequisiteConfirmed", "true")
                .post(PAGE + "/" + HEART + "/uploads").then().statusCode(400)
                .body(containsString("Choose a .zip file, a folder or some files"));
    }

    @Test
    void aPersonWithoutAStudyThatTakesUploadsIsToldSo() {
        String person = ward("alice", "Page No Study", ASTHMA);
        String html = page("alice", person);
        assertTrue(html.contains("is not enrolled in a study that accepts Supporting Documents"), html);
        assertTrue(html.contains("has no uploads yet"), html);
    }
}
