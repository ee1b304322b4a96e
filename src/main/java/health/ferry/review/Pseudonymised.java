package health.ferry.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A FHIR resource as a study may receive it: every reference to a Patient points at the study pseudonym, narrative
 * text and contained resources are dropped, and a Patient keeps only its type, the pseudonym, gender and birth year.
 */
final class Pseudonymised {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> PATIENT_KEPT = Set.of("resourceType", "gender", "birthDate");

    private Pseudonymised() {
    }

    /** One line of NDJSON: the resource pseudonymised, compact. */
    static String line(String resourceJson, String pseudonym) {
        try {
            JsonNode root = JSON.readTree(resourceJson);
            if (!(root instanceof ObjectNode resource)) {
                return null;
            }
            if ("Patient".equals(resource.path("resourceType").asText())) {
                resource.retain(PATIENT_KEPT);
                if (resource.hasNonNull("birthDate") && resource.get("birthDate").asText().length() >= 4) {
                    resource.put("birthDate", resource.get("birthDate").asText().substring(0, 4));
                }
                resource.put("id", pseudonym);
            } else {
                resource.remove("text");
                resource.remove("contained");
                rewrite(resource, pseudonym);
            }
            return JSON.writeValueAsString(resource);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void rewrite(JsonNode node, String pseudonym) {
        if (node instanceof ObjectNode object) {
            Iterator<Map.Entry<String, JsonNode>> fields = object.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                JsonNode value = field.getValue();
                if ("reference".equals(field.getKey()) && value.isTextual() && value.asText().startsWith("Patient/")) {
                    field.setValue(TextNode.valueOf("Patient/" + pseudonym));
                } else if ("display".equals(field.getKey()) && object.has("reference")
                        && object.get("reference").asText().startsWith("Patient/")) {
                    field.setValue(TextNode.valueOf(pseudonym));
                } else {
                    rewrite(value, pseudonym);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> rewrite(item, pseudonym));
        }
    }
}
