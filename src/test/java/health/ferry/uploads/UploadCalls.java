package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.fail;

import health.ferry.PageSession;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;

/** Upload requests as a client sends them: bearer token, CSRF cookie and token, multipart files. */
public final class UploadCalls {
    public static final String HEART = "heart-rhythm-outcomes";
    public static final String ASTHMA = "childhood-asthma-registry";
    private static final Map<String, String> CONSENT = Map.of(HEART, "2026-03", ASTHMA, "1.2");

    private UploadCalls() {
    }

    /** A new child of {@code owner}, enrolled in {@code study} when it is not null. */
    public static String ward(String owner, String name, String study) {
        String id = as(owner).contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate",
                "2012-06-01", "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then()
                .statusCode(201).extract().path("id");
        if (study != null) {
            as(owner).contentType(ContentType.JSON).body(Map.of("personId", id, "consentVersion", CONSENT.get(study)))
                    .post("/api/v1/studies/" + study + "/enrollments").then().statusCode(201);
        }
        return id;
    }

    public static String path(String study, String person) {
        return "/api/v1/studies/" + study + "/people/" + person + "/supporting-documents";
    }

    /** A confirmed upload request with these files (name to bytes, in order). */
    public static RequestSpecification request(String user, Map<String, byte[]> files) {
        RequestSpecification request = PageSession.open(user, "/supporting-documents").multipart()
                .multiPart("prerequisiteConfirmed", "true");
        files.forEach((name, bytes) -> request.multiPart(new MultiPartSpecBuilder(bytes).controlName("file")
                .fileName(name).mimeType("application/octet-stream").build()));
        return request;
    }

    public static Response upload(String user, String study, String person, Map<String, byte[]> files) {
        return request(user, files).post(path(study, person));
    }

    /** Polls the upload until processing has finished, and answers its last state. */
    public static JsonPath finished(String user, String uploadId) {
        long until = System.currentTimeMillis() + 180_000;
        while (System.currentTimeMillis() < until) {
            JsonPath upload = as(user).get("/api/v1/uploads/" + uploadId).then().statusCode(200).extract().jsonPath();
            String status = upload.getString("status");
            if (!"received".equals(status) && !"processing".equals(status)) {
                return upload;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return fail("upload " + uploadId + " did not finish in time");
    }
}
