package health.ferry.proofs;

import static io.restassured.RestAssured.given;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Ferry's API as a participant's client uses it, against one instance, with a Keycloak access token. */
final class FerryApi {
    static final String STUDY = "heart-rhythm-outcomes";
    private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final String token;

    FerryApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    FerryApi on(FerryInstance other) {
        return new FerryApi(other.baseUrl(), token);
    }

    private RequestSpecification as() {
        return given().baseUri(baseUrl).auth().oauth2(token).redirects().follow(false);
    }

    /** A new child of the signed-in participant, enrolled in the study. */
    String ward(String name) {
        String id = as().contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate", "2012-06-01",
                "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then().statusCode(201)
                .extract().path("id");
        as().contentType(ContentType.JSON).body(Map.of("personId", id, "consentVersion", "2026-03"))
                .post("/api/v1/studies/" + STUDY + "/enrollments").then().statusCode(201);
        return id;
    }

    /** Uploads {@code zip} as an archive of Supporting Documents; answers the upload's id (202). */
    String upload(String person, String fileName, byte[] zip) {
        Response page = as().get("/supporting-documents");
        Matcher m = CSRF.matcher(page.asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on /supporting-documents: HTTP " + page.statusCode());
        }
        return as().cookie("csrf-token", page.cookie("csrf-token")).multiPart("csrf-token", m.group(1))
                .multiPart("prerequisiteConfirmed", "true")
                .multiPart(new MultiPartSpecBuilder(zip).controlName("file").fileName(fileName)
                        .mimeType("application/zip").build())
                .post("/api/v1/studies/" + STUDY + "/people/" + person + "/supporting-documents").then()
                .statusCode(202).extract().path("id");
    }

    /** A credentials connection of {@code person} to the sandbox's Sandbox General Hospital (201, validating). */
    String connectSandbox(String person, String username) {
        String portal = as().queryParam("by", "organization").queryParam("q", "Sandbox General Hospital")
                .get("/api/v1/portals").then().statusCode(200).extract()
                .path("items.find { it.name == 'Sandbox General Hospital' }.id");
        return as().contentType(ContentType.JSON).body(Map.of("portalId", portal, "username", username, "password",
                "demo")).post("/api/v1/people/" + person + "/connections").then().statusCode(201).extract()
                .path("id");
    }

    /** The connection's status once it has left {@code validating} (within a minute). */
    String settled(String connection) throws InterruptedException {
        long until = System.currentTimeMillis() + 60_000;
        String status = "validating";
        while ("validating".equals(status) && System.currentTimeMillis() < until) {
            Thread.sleep(200);
            status = as().get("/api/v1/connections/" + connection).then().statusCode(200).extract().path("status");
        }
        return status;
    }

    /** Whether the person has at least one record waiting for review. */
    boolean hasPendingRecords(String person) {
        return !as().get("/api/v1/people/" + person + "/records?state=pending&size=1").then().statusCode(200)
                .extract().jsonPath().getList("items").isEmpty();
    }

    JsonPath uploadState(String id) {
        return as().get("/api/v1/uploads/" + id).then().statusCode(200).extract().jsonPath();
    }

    /** A zip of {@code documents} distinct clinical notes (plain text), unique to {@code seed}. */
    static byte[] notes(String seed, int documents) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i < documents; i++) {
                zip.putNextEntry(new ZipEntry("notes/visit-" + i + ".txt"));
                String text = ("Visit note " + i + " of package " + seed + ". Blood pressure recorded, follow-up in "
                        + "three months.\n").repeat(40);
                zip.write(text.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
