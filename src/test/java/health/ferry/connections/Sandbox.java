package health.ferry.connections;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.fail;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.Map;

/** Test helpers for connecting the sandbox portals through Ferry's API, as a participant's client would. */
final class Sandbox {
    static final String GENERAL = "Sandbox General Hospital";
    static final String HEALTH_SYSTEM = "Sandbox Health System";

    private Sandbox() {
    }

    static String portalId(String user, String name) {
        return as(user).queryParam("by", "organization").queryParam("q", name).get("/api/v1/portals").then()
                .statusCode(200).extract().path("items.find { it.name == '" + name + "' }.id");
    }

    static String fhirBase() {
        return org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("ferry.sandbox.base-url", String.class) + "/sandbox/fhir";
    }

    static String self(String user) {
        return as(user).get("/api/v1/me").then().extract().path("people[0].id");
    }

    static String ward(String user, String name, String birthDate) {
        return as(user).contentType(ContentType.JSON).body(Map.of("displayName", name, "birthDate", birthDate,
                "relationship", "child", "authorityAttested", true)).post("/api/v1/people").then().statusCode(201)
                .extract().path("id");
    }

    /** Starts a credentials connection and answers its id. */
    static String connect(String user, String personId, String username, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("portalId", portalId(user, GENERAL));
        body.put("username", username);
        body.put("password", password);
        return as(user).contentType(ContentType.JSON).body(body).post("/api/v1/people/" + personId + "/connections")
                .then().statusCode(201).extract().path("id");
    }

    /** Waits until the connection has left validating/authorizing and answers it. */
    static JsonPath settled(String user, String connectionId) {
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline) {
            JsonPath c = as(user).get("/api/v1/connections/" + connectionId).then().statusCode(200).extract()
                    .jsonPath();
            if (!"validating".equals(c.getString("status"))) {
                return c;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        fail("connection " + connectionId + " still validating after 30 s");
        return null;
    }
}
