package health.ferry.connections.sandbox;

import static io.restassured.RestAssured.given;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With {@code ferry.sandbox.enabled=false} (as in prod) every sandbox route answers 404, like any unknown path. */
@QuarkusTest
@TestProfile(SandboxDisabledTest.Disabled.class)
class SandboxDisabledTest {
    public static class Disabled implements QuarkusTestProfile {
        /**
         * On H2, its own in-memory database: H2 keeps {@code mem:ferry} alive across Quarkus restarts in one JVM,
         * and the next instance then fails on the check constraints the previous one created. PostgreSQL runs
         * ({@code -Dquarkus.test.profile=test,pg}) clean the schema at every start and need nothing.
         */
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(Map.of("ferry.sandbox.enabled", "false"));
            if (!List.of(System.getProperty("quarkus.test.profile", "test").split(",")).contains("pg")) {
                overrides.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:ferry-sandbox-disabled;DB_CLOSE_DELAY=-1;"
                        + "MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
            }
            return overrides;
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
