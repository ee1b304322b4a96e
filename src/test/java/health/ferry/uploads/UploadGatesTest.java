package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.ASTHMA;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.finished;
import static health.ferry.uploads.UploadCalls.path;
import static health.ferry.uploads.UploadCalls.request;
import static health.ferry.uploads.UploadCalls.upload;
import static health.ferry.uploads.UploadCalls.ward;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.PageSession;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every problem known before the body is processed answers at once, with its own status and code. */
@QuarkusTest
class UploadGatesTest {
    private static final Map<String, byte[]> NOTE = Map.of("note.txt", UploadFixtures.note("gate"));

    private static void noUploads(String user, String person) {
        as(user).get("/api/v1/people/" + person + "/uploads").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void thePrerequisiteMustBeConfirmed() {
        String person = ward("alice", "Gate Prerequisite", HEART);
        PageSession.open("alice", "/supporting-documents").multipart()
                .multiPart(new MultiPartSpecBuilder(UploadFixtures.note("x")).controlName("file").fileName("x.txt")
                        .build())
                .post(path(HEART, person)).then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("prerequisite_not_confirmed"))
                .body("detail", containsString("I tried to connect my patient portal and could not."));
        noUploads("alice", person);
    }

    @Test
    void aStudyWithoutSupportingDocumentsRefuses() {
        String person = ward("alice", "Gate Disabled", ASTHMA);
        upload("alice", ASTHMA, person, NOTE).then().statusCode(403)
                .body("code", equalTo("supporting_documents_disabled"));
        noUploads("alice", person);
    }

    @Test
    void onlyAnEnrolledPersonMayUpload() {
        String person = ward("alice", "Gate Not Enrolled", null);
        upload("alice", HEART, person, NOTE).then().statusCode(403).body("code", equalTo("not_enrolled"));
        noUploads("alice", person);
    }

    @Test
    void anotherParticipantsPersonIsNotFound() {
        String person = ward("alice", "Gate Someone Else", HEART);
        upload("bob", HEART, person, NOTE).then().statusCode(404).body("code", equalTo("not_found"));
        upload("alice", "no-such-study", person, NOTE).then().statusCode(404);
        noUploads("alice", person);
    }

    @Test
    void aFormWithoutItsCsrfTokenIsRefusedAndAClientMaySendItAsAHeader() {
        String person = ward("alice", "Gate Csrf", HEART);
        PageSession page = PageSession.open("alice", "/supporting-documents");
        // A cookie makes it a browser-like request: without the token it is refused, even with a bearer token.
        as("alice").cookie("csrf-token", page.cookie()).multiPart("prerequisiteConfirmed", "true")
                .multiPart(new MultiPartSpecBuilder(UploadFixtures.note("csrf")).controlName("file")
                        .fileName("n.txt").build())
                .post(path(HEART, person)).then().statusCode(400);
        noUploads("alice", person);
        as("alice").cookie("csrf-token", page.cookie()).header("X-CSRF-TOKEN", page.token())
                .multiPart("prerequisiteConfirmed", "true")
                .multiPart(new MultiPartSpecBuilder(UploadFixtures.note("csrf header")).controlName("file")
                        .fileName("n.txt").build())
                .post(path(HEART, person)).then().statusCode(202);
    }

    @Test
    void aBearerApiClientWithoutCookiesNeedsNoCsrfToken() {
        String person = ward("alice", "Gate Bearer", HEART);
        String id = as("alice").multiPart("prerequisiteConfirmed", "true")
                .multiPart(new MultiPartSpecBuilder(UploadFixtures.note("bearer only")).controlName("file")
                        .fileName("bearer.txt").mimeType("text/plain").build())
                .post(path(HEART, person)).then().statusCode(202).extract().path("id");
        assertEquals("ready_for_review", finished("alice", id).getString("status"));
        assertEquals("bearer.txt", finished("alice", id).getString("documents[0].name"));
    }

    @Test
    void anUploadNeedsAtLeastOneFile() {
        String person = ward("alice", "Gate Empty", HEART);
        request("alice", Map.of()).post(path(HEART, person)).then().statusCode(400)
                .body("code", equalTo("validation_failed")).body("errors[0].field", equalTo("file"));
    }

    @Test
    void aFileThatOnlyClaimsToBeAZipOrIsAnotherArchiveIsNotAnArchive() {
        String person = ward("alice", "Gate Outer Type", HEART);
        upload("alice", HEART, person, Map.of("records.zip", UploadFixtures.labPdf())).then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("not_an_archive"));
        byte[] sevenZip = {'7', 'z', (byte) 0xBC, (byte) 0xAF, 0x27, 0x1C, 0, 4, 1, 2, 3, 4};
        upload("alice", HEART, person, Map.of("records.7z", sevenZip)).then().statusCode(415)
                .body("code", equalTo("not_an_archive"));
        noUploads("alice", person);
    }

    @Test
    void theSameBytesAgainAreAlreadyUploadedAndTheProblemNamesTheEarlierUpload() {
        String person = ward("alice", "Gate Duplicate", HEART);
        byte[] zip = UploadFixtures.zip(Map.of("a.txt", UploadFixtures.note("dup")));
        String first = upload("alice", HEART, person, Map.of("one.zip", zip)).then().statusCode(202)
                .extract().path("id");
        upload("alice", HEART, person, Map.of("renamed.zip", zip)).then().statusCode(409)
                .body("code", equalTo("already_uploaded")).body("detail", containsString(first))
                .body("uploadId", equalTo(first));

        Map<String, byte[]> folder = new LinkedHashMap<>();
        folder.put("f/a.txt", UploadFixtures.note("a"));
        folder.put("f/b.txt", UploadFixtures.note("b"));
        String files = upload("alice", HEART, person, folder).then().statusCode(202).extract().path("id");
        Map<String, byte[]> reordered = new LinkedHashMap<>();
        reordered.put("g/b.txt", UploadFixtures.note("b"));
        reordered.put("g/a.txt", UploadFixtures.note("a"));
        upload("alice", HEART, person, reordered).then().statusCode(409).body("detail", containsString(files));
        as("alice").get("/api/v1/people/" + person + "/uploads").then().body("total", equalTo(2));
    }

    @Test
    void theDailyQuotaIsCountedPerPerson() {
        String person = ward("alice", "Gate Quota", HEART);
        for (int i = 0; i < 6; i++) {
            upload("alice", HEART, person, Map.of("n" + i + ".txt", UploadFixtures.note("quota " + i)))
                    .then().statusCode(202);
        }
        upload("alice", HEART, person, Map.of("n7.txt", UploadFixtures.note("quota 7"))).then().statusCode(429)
                .contentType("application/problem+json").body("code", equalTo("quota_exceeded"));
        as("alice").get("/api/v1/people/" + person + "/uploads").then().body("total", equalTo(6));
        String other = ward("alice", "Gate Quota Sibling", HEART);
        upload("alice", HEART, other, Map.of("n.txt", UploadFixtures.note("quota sibling"))).then().statusCode(202);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesNothingNew() {
        String person = ward("alice", "Gate Idempotent", HEART);
        Map<String, byte[]> files = Map.of("retry.txt", UploadFixtures.note("retry"));
        String first = request("alice", files).header("Idempotency-Key", "retry-7f3a").post(path(HEART, person))
                .then().statusCode(202).extract().path("id");
        String again = request("alice", files).header("Idempotency-Key", "retry-7f3a").post(path(HEART, person))
                .then().statusCode(202).extract().path("id");
        assertEquals(first, again);
        as("alice").get("/api/v1/people/" + person + "/uploads").then().body("total", equalTo(1));

        String sibling = ward("alice", "Gate Idempotent Sibling", HEART);
        request("alice", files).header("Idempotency-Key", "retry-7f3a").post(path(HEART, sibling)).then()
                .statusCode(409).body("code", equalTo("conflict"));
        request("alice", files).header("Idempotency-Key", "has space").post(path(HEART, person)).then()
                .statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
    }
}
