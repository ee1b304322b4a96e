package health.ferry.connections.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;

/** The tokens Ferry keeps (sealed) for a SMART connection: access, refresh, patient, scope. */
final class SmartSession {
    private static final ObjectMapper JSON = new ObjectMapper();

    private SmartSession() {
    }

    static String of(JsonNode tokenResponse, String previousRefresh) {
        ObjectNode s = JSON.createObjectNode();
        s.put("access_token", tokenResponse.path("access_token").asText());
        String refresh = tokenResponse.path("refresh_token").asText(previousRefresh);
        if (refresh != null) {
            s.put("refresh_token", refresh);
        }
        copy(tokenResponse, s, "patient");
        copy(tokenResponse, s, "scope");
        return s.toString();
    }

    static JsonNode parse(String session) {
        try {
            return JSON.readTree(session);
        } catch (IOException | RuntimeException e) {
            return JSON.createObjectNode();
        }
    }

    private static void copy(JsonNode from, ObjectNode to, String field) {
        if (from.hasNonNull(field)) {
            to.put(field, from.path(field).asText());
        }
    }
}
