package health.ferry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import health.ferry.PageSession;
import health.ferry.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CSRF on every state-changing form (plan A10/U4, non-negotiable 9), generated over the page routes of the
 * authorisation matrix (so a new form route is covered as soon as it has its matrix entry): a post with the session's
 * CSRF cookie but no token, and one carrying another user's token, are both refused with 400 and change nothing the
 * participant can see through the API. Cookie sessions always need the token; only bearer-token JSON API calls do not.
 */
@QuarkusTest
class CsrfEveryFormTest {
    @Test
    void everyFormRefusesAMissingOrForeignToken() {
        AuthorizationMatrixTest.Fixture fixture = new AuthorizationMatrixTest.Fixture();
        Map<String, PageSession> sessions = Map.of("alice", PageSession.open("alice", "/account"),
                "casey", PageSession.open("casey", "/coordinator"), "admin", PageSession.open("admin",
                        "/admin/directory"));
        PageSession bob = PageSession.open("bob", "/account");
        String before = snapshot(fixture);
        List<String> failures = new ArrayList<>();
        int forms = 0;
        for (AuthorizationMatrixTest.Entry entry : AuthorizationMatrixTest.matrix()) {
            if (!entry.page() || entry.method().equals("GET")) {
                continue;
            }
            forms++;
            Map<String, String> params = fixture.params(AuthorizationMatrixTest.Actor.GUARDIAN, entry, false);
            String path = AuthorizationMatrixTest.fill(entry.path(), params);
            // The form's rightful user: the admin for admin forms, a coordinator for theirs, else the participant.
            String user = switch (entry.scope) {
                case ADMIN -> "admin";
                case COORDINATOR -> "casey";
                default -> "alice";
            };
            PageSession own = sessions.get(user);
            check(failures, entry.key + " without a token", post(entry, user, own, null, params).request("POST", path));
            check(failures, entry.key + " with bob's token", post(entry, user, own, bob.token(), params)
                    .request("POST", path));
        }
        assertFalse(forms < 20, "the matrix lists the forms: " + forms);
        assertEquals(List.of(), failures);
        assertEquals(before, snapshot(fixture), "a refused form changed something");
    }

    private static void check(List<String> failures, String what, Response response) {
        if (response.statusCode() != 400) {
            failures.add(what + " answered " + response.statusCode());
        }
    }

    /** The user's session and CSRF cookie, with {@code token} (or none) as the form's token. */
    private static RequestSpecification post(AuthorizationMatrixTest.Entry entry, String user, PageSession session,
            String token, Map<String, String> params) {
        RequestSpecification request = Tokens.as(user).redirects().follow(false)
                .cookie("csrf-token", session.cookie()).cookie("ferry_acting", params.get("acting"));
        if (entry.multipart) {
            request = request.multiPart("personId", params.get("personId")).multiPart("prerequisiteConfirmed", "true")
                    .multiPart(new MultiPartSpecBuilder("hello".getBytes(StandardCharsets.UTF_8)).controlName("file")
                            .fileName("note.txt").mimeType("text/plain").build());
            return token == null ? request : request.multiPart("csrf-token", token);
        }
        Map<String, String> fields = new HashMap<>();
        entry.form.forEach((k, v) -> fields.put(k, AuthorizationMatrixTest.fill(v, params)));
        if (token != null) {
            fields.put("csrf-token", token);
        }
        return request.contentType("application/x-www-form-urlencoded").formParams(fields);
    }

    /** What alice can see of her people, the ward's enrolments, connections and uploads. */
    private static String snapshot(AuthorizationMatrixTest.Fixture fixture) {
        StringBuilder all = new StringBuilder(Tokens.as("alice").get("/api/v1/people").asString());
        for (String suffix : List.of("/enrollments", "/connections", "/settings")) {
            all.append(Tokens.as("alice").get("/api/v1/people/" + fixture.ward + suffix).asString());
        }
        // Which uploads exist (their processing goes on in the background).
        all.append(Tokens.as("alice").get("/api/v1/people/" + fixture.ward + "/uploads").jsonPath()
                .getList("items.id"));
        return all.toString().replaceAll("\"(lastCheckedAt|updatedAt|checkedAt|nextSyncAt)\":\"[^\"]*\"", "");
    }
}
