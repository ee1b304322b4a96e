package health.ferry.sandbox;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code ferry.sandbox.enabled=false} (as in prod) every sandbox route answers 404, like any unknown path. */
@QuarkusTest
@TestProfile(SandboxDisabledTest.Disabled.class)
class SandboxDisabledTest {
    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return health.ferry.OwnDatabase.with("ferry-sandbox-disabled", Map.of("ferry.sandbox.enabled", "false"));
        }
    }

    @Test
    void everyRouteIsNotFound() {
        for (String path : new String[] {"/sandbox", "/sandbox/fhir/metadata", "/sandbox/fhir/Patient/sbx-demo",
            "/sandbox/fhir/.well-known/smart-configuration", "/sandbox/oauth/authorize?client_id=ferry",
            "/sandbox/terms", "/sandbox/assets/sandbox.css"}) {
            given().redirects().follow(false).get(path).then().statusCode(404);
        }
        given().contentType("application/json").body("{\"username\":\"demo\",\"password\":\"demo\"}")
                .post("/sandbox/api/sessions").then().statusCode(404);
        given().formParams(Map.of("grant_type", "refresh_token", "refresh_token", "x", "client_id", "ferry"))
                .post("/sandbox/oauth/token").then().statusCode(404);
        given().formParams(Map.of("request", "x", "username", "demo", "password", "demo"))
                .post("/sandbox/oauth/login").then().statusCode(404);
    }
}
