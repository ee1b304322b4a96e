package health.ferry.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Keycloak's admin REST API as the proofs need it: realm settings and enabling or disabling a user. */
final class KeycloakAdmin {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newHttpClient();

    KeycloakAdmin(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    private String token() throws IOException, InterruptedException {
        String form = "grant_type=password&client_id=admin-cli&username=kcadmin&password="
                + URLEncoder.encode(keycloak.adminPassword, StandardCharsets.UTF_8);
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(keycloak.origin()
                + "/realms/master/protocol/openid-connect/token")).header("Content-Type",
                "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("Keycloak admin sign-in: HTTP " + answer.statusCode());
        }
        return JSON.readTree(answer.body()).path("access_token").asText();
    }

    private HttpResponse<String> send(String method, String path, Object body) throws IOException,
            InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(keycloak.origin() + "/admin/realms/ferry"
                + path)).header("Authorization", "Bearer " + token()).header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        HttpResponse<String> answer = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + ": HTTP " + answer.statusCode() + " " + answer.body());
        }
        return answer;
    }

    /** The realm's settings now (the fields a proof changes and puts back). */
    JsonNode realm() throws IOException, InterruptedException {
        return JSON.readTree(send("GET", "", null).body());
    }

    /** Changes realm settings, e.g. {@code accessTokenLifespan} or {@code ssoSessionIdleTimeout} (seconds). */
    void realm(Map<String, Object> settings) throws IOException, InterruptedException {
        send("PUT", "", settings);
    }

    void enabled(String username, boolean enabled) throws IOException, InterruptedException {
        JsonNode users = JSON.readTree(send("GET", "/users?exact=true&username=" + username, null).body());
        String id = users.path(0).path("id").asText();
        send("PUT", "/users/" + id, Map.of("enabled", enabled));
    }
}
