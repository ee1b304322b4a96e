package health.ferry.directory;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The admin's directory page: pending requests with their decision buttons, and the list upload. */
@QuarkusTest
@TestSecurity(user = "dir-admin", roles = "admin")
class DirectoryPagesTest {
    private static final Pattern CSRF = Pattern.compile("name=\"([^\"]*csrf[^\"]*)\" value=\"([^\"]+)\"");

    @Inject
    PortalRepository portals;
    @Inject
    PortalDirectory directory;

    /** The page, and the CSRF field and cookie its forms carry. */
    private record Form(String field, String token, String cookie) {
    }

    private Form open() {
        ExtractableResponse<Response> page = given().when().get("/admin/directory").then().statusCode(200)
                .body(containsString("Portal directory")).extract();
        Matcher m = CSRF.matcher(page.asString());
        m.find();
        return new Form(m.group(1), m.group(2), page.cookie(m.group(1)));
    }

    @Test
    void adminDecidesOnARequestedPortal() {
        String name = "Willow Bend Clinic " + UUID.randomUUID().toString().substring(0, 6);
        UUID id = QuarkusTransaction.requiringNew().call(() -> {
            Portal p = Portal.requested(name, WebsiteAddress.parse("willow-bend.example").address(), null,
                    Instant.now());
            portals.persist(p);
            return p.id;
        });
        Form form = open();
        given().when().get("/admin/directory").then().body(containsString(name))
                .body(containsString("https://willow-bend.example"));
        given().cookie(form.field(), form.cookie()).formParam(form.field(), form.token())
                .formParam("supportStatus", "supported").redirects().follow(false)
                .when().post("/admin/directory/portals/" + id + "/support-status").then().statusCode(303);
        assertEquals("supported", directory.connection(id).orElseThrow().supportStatus());
    }

    @Test
    void adminUploadsAList() throws IOException {
        Form form = open();
        byte[] list;
        try (InputStream in = DirectoryCorpus.fixture("brands-small.json")) {
            list = in.readAllBytes();
        }
        given().cookie(form.field(), form.cookie()).multiPart(form.field(), form.token())
                .multiPart("file", "brands-small.json", list, "application/json")
                .when().post("/admin/directory/imports").then().statusCode(200)
                .body(containsString("brands-small.json: "))
                .body(containsString("The organization has no portal or FHIR endpoint"));
        given().cookie(form.field(), form.cookie()).multiPart(form.field(), form.token())
                .multiPart("file", "junk.json", "nope".getBytes(), "application/json")
                .when().post("/admin/directory/imports").then().statusCode(400)
                .body(containsString("junk.json was not imported: The file is not valid JSON"));
    }

    @Test
    void formsWithoutTheCsrfTokenAreRefused() {
        given().formParam("supportStatus", "supported").redirects().follow(false)
                .when().post("/admin/directory/portals/" + UUID.randomUUID() + "/support-status").then()
                .statusCode(400);
    }

    @Test
    @TestSecurity(user = "dir-tester", roles = "participant")
    void participantsCannotSeeThePage() {
        // A role that may not use a route gets the same 404 as anything else it may not see.
        given().when().get("/admin/directory").then().statusCode(404);
    }

    @Test
    void theAdminsPageShowsTimesInWordsNotIsoTimestamps() {
        String host = "readable-" + UUID.randomUUID().toString().substring(0, 8) + ".clinic.example";
        health.ferry.Tokens.as("jude").contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("website", "https://" + host + "/login")).post("/api/v1/portals/requests")
                .then().statusCode(201);
        String page = health.ferry.Tokens.as("admin").get("/admin/directory").then().statusCode(200).extract()
                .asString();
        String row = page.substring(page.indexOf(host));
        row = row.substring(0, row.indexOf("</tr>"));
        org.junit.jupiter.api.Assertions.assertTrue(row.contains(" UTC"), row);
        org.junit.jupiter.api.Assertions.assertFalse(Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:").matcher(page)
                .find(), "no ISO timestamp on the admin's page");
    }
}
