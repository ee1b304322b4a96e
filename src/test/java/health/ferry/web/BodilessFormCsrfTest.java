package health.ferry.web;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.PageSession;
import health.ferry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 1: a state-changing page route needs its CSRF token whatever its body or content type. A body-less
 * POST ({@code Content-Length: 0}, no content type) with the user's credentials and CSRF cookie but no token, and a
 * form whose content type is written in upper case, are refused with 400 and change nothing.
 */
@QuarkusTest
class BodilessFormCsrfTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Test
    void aBodilessPostToAFormNeedsTheToken() throws Exception {
        PageSession alice = PageSession.open("alice", "/account");
        String ward = newWard();
        String portal = Tokens.as("alice").queryParam("by", "organization").queryParam("q", "Sandbox General Hospital")
                .get("/api/v1/portals").then().statusCode(200).extract()
                .path("items.find { it.name == 'Sandbox General Hospital' }.id");
        String connection = Tokens.as("alice").contentType(ContentType.JSON)
                .body(Map.of("portalId", portal, "username", "demo", "password", "demo"))
                .post("/api/v1/people/" + ward + "/connections").then().statusCode(201).extract().path("id");
        Tokens.as("alice").get("/api/v1/connections/" + connection).then().statusCode(200)
                .body("status", not(equalTo("disconnected")));

        for (String path : List.of("/account/people/" + ward + "/remove", "/connections/" + connection + "/disconnect",
                "/notices/" + UUID.randomUUID() + "/dismiss", "/logout")) {
            assertEquals(400, bodiless(path, alice.cookie()).statusCode(), path + " without a token");
            assertEquals(400, bodiless(path, null).statusCode(), path + " without a token or CSRF cookie");
        }

        Tokens.as("alice").get("/api/v1/people").then().statusCode(200).body("items.id", hasItem(ward));
        Tokens.as("alice").get("/api/v1/connections/" + connection).then().statusCode(200)
                .body("status", not(equalTo("disconnected")));
    }

    @Test
    void anUpperCaseFormTypeIsCheckedLikeAnyForm() throws Exception {
        PageSession alice = PageSession.open("alice", "/account");
        String ward = newWard();
        String path = "/account/people/" + ward + "/remove";

        assertEquals(400, upperCaseForm(path, alice.cookie(), "confirm=yes").statusCode());
        Tokens.as("alice").get("/api/v1/people").then().statusCode(200).body("items.id", hasItem(ward));

        // The route itself works: the same form as browsers send it (lower case) with its token removes the ward.
        alice.form(Map.of()).post(path).then().statusCode(303);
        Tokens.as("alice").get("/api/v1/people").then().statusCode(200).body("items.id", not(hasItem(ward)));
    }

    @Test
    void aBodilessJsonApiCallWithABearerTokenStillNeedsNoFormToken() {
        String ward = newWard();
        // DELETE /api/v1/people/{id}: no body, no content type, a bearer token and no cookie: the JSON API as before.
        Tokens.as("alice").delete("/api/v1/people/" + ward).then().statusCode(204);
    }

    private static String newWard() {
        return Tokens.as("alice").contentType(ContentType.JSON).body(Map.of("displayName", "Bodiless Ward",
                "birthDate", "2013-03-01", "relationship", "ward", "authorityAttested", true))
                .post("/api/v1/people").then().statusCode(201).extract().path("id");
    }

    /** A form post whose content type is written in upper case, with the CSRF cookie and {@code body}. */
    private static HttpResponse<String> upperCaseForm(String path, String csrfCookie, String body) throws IOException,
            InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Tokens.of("alice")).header("Cookie", "csrf-token=" + csrfCookie)
                .header("Content-Type", "APPLICATION/X-WWW-FORM-URLENCODED; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A POST with {@code Content-Length: 0} and no content type, as the outside test sent it. */
    private static HttpResponse<String> bodiless(String path, String csrfCookie) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + Tokens.of("alice"))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (csrfCookie != null) {
            request.header("Cookie", "csrf-token=" + csrfCookie);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
