package health.ferry.web;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.LogCapture;
import health.ferry.PageSession;
import health.ferry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 6: input an outside test sent that answered 500 (and logged an ERROR) now answers as the bad input it
 * is: a return path that is no URI goes home, a decision on 70,000 record ids and a form of 1,000+ fields are 400, a
 * malformed multipart body on the upload endpoint is 400 problem+json. None of them logs an ERROR.
 */
@QuarkusTest
class BadInputAnswers400Test {
    @Test
    void aReturnPathThatIsNoUriGoesHome() {
        PageSession alice = PageSession.open("alice", "/account");
        String self = Tokens.as("alice").get("/api/v1/me").then().statusCode(200).extract()
                .path("people.find { it.relationship == 'self' }.id");
        try (LogCapture log = LogCapture.start()) {
            for (String back : List.of("/{x}", "/%zz", "/a|b", "/a%", "/\u00e9t\u00e9", "/a b")) {
                alice.form(Map.of("personId", self, "return", back)).post("/acting-as").then().statusCode(303)
                        .header("Location", equalTo(location("/home")));
            }
            // An ordinary local path is still where the switch returns to.
            alice.form(Map.of("personId", self, "return", "/records?state=pending")).post("/acting-as").then()
                    .statusCode(303).header("Location", equalTo(location("/records?state=pending")));
            assertEquals(List.of(), log.atLeast(Level.SEVERE, "health.ferry"), "no ERROR logged");
        }
    }

    @Test
    void aDecisionOnTensOfThousandsOfRecordIdsIsAFieldError() {
        String self = Tokens.as("alice").get("/api/v1/me").then().statusCode(200).extract()
                .path("people.find { it.relationship == 'self' }.id");
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 70_000; i++) {
            ids.add(UUID.randomUUID().toString());
        }
        try (LogCapture log = LogCapture.start()) {
            Tokens.as("alice").contentType(ContentType.JSON).body(Map.of("accept", ids))
                    .post("/api/v1/people/" + self + "/records/decisions").then().statusCode(400)
                    .contentType("application/problem+json").body("code", equalTo("validation_failed"))
                    .body("errors[0].field", equalTo("accept"));
            // Up to the cap, ids that match nothing simply decide nothing (no statement too large to run).
            Tokens.as("alice").contentType(ContentType.JSON).body(Map.of("delete", ids.subList(0, 10_000)))
                    .post("/api/v1/people/" + self + "/records/decisions").then().statusCode(200)
                    .body("accepted", equalTo(0)).body("deleted", equalTo(0));
            assertEquals(List.of(), log.atLeast(Level.SEVERE, "health.ferry"), "no ERROR logged");
        }
    }

    @Test
    void aFormWithThousandsOfFieldsIs400() throws Exception {
        PageSession alice = PageSession.open("alice", "/account");
        StringBuilder body = new StringBuilder("csrf-token=" + alice.token() + "&action=delete");
        for (int i = 0; i < 1_200; i++) {
            body.append("&record=").append(UUID.randomUUID());
        }
        try (LogCapture log = LogCapture.start()) {
            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://localhost:" + io.restassured.RestAssured.port + "/records/decisions"))
                    .header("Authorization", "Bearer " + Tokens.of("alice"))
                    .header("Cookie", "csrf-token=" + alice.cookie())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(400, answer.statusCode(), answer.body());
            assertTrue(!answer.body().contains("Exception") && !answer.body().contains("reference"), answer.body());
            assertEquals(List.of(), log.atLeast(Level.SEVERE, "health.ferry"), "no ERROR logged");
        }
    }

    @Test
    void aMalformedMultipartUploadIsAProblemNotA500() {
        String self = Tokens.as("alice").get("/api/v1/me").then().statusCode(200).extract()
                .path("people.find { it.relationship == 'self' }.id");
        String path = "/api/v1/studies/heart-rhythm-outcomes/people/" + self + "/supporting-documents";
        try (LogCapture log = LogCapture.start()) {
            // Not multipart at all under a multipart type: the parser fails on its framing.
            Tokens.as("alice").contentType("multipart/form-data; boundary=xyz")
                    .body("this is not multipart at all".getBytes(StandardCharsets.UTF_8)).post(path).then()
                    .statusCode(400).contentType("application/problem+json").body("code", equalTo("malformed_request"));
            // A part cut short (no closing boundary): whatever the parser makes of it, a 4xx problem, never a 500.
            int status = Tokens.as("alice").contentType("multipart/form-data; boundary=xyz")
                    .body("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\nno end"
                            .getBytes(StandardCharsets.UTF_8)).post(path).then()
                    .contentType("application/problem+json").extract().statusCode();
            assertTrue(status >= 400 && status < 500, "answered " + status);
            assertTrue(log.atLeast(Level.SEVERE, "").isEmpty(),
                    LogCapture.describe(log.atLeast(Level.SEVERE, "")));
        }
    }

    private static String location(String path) {
        return "http://localhost:" + io.restassured.RestAssured.port + path;
    }
}
