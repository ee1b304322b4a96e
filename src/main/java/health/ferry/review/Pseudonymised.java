package health.ferry.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A FHIR resource as a study may receive it: every reference to a Patient points at the study pseudonym; the
 * resource's id and every other reference are re-keyed for the study ({@link StudyIds}: stable within the study,
 * unrelated across studies), a reference that names no resource by type and id is dropped; narrative text,
 * contained resources, business identifiers, {@code meta.source} and attachment URLs (they lead to the portal)
 * are dropped; a Patient keeps only its type, the pseudonym, gender and birth year.
 */
final class Pseudonymised {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Ferry's extension on lab values read from a document (the same as uploads.labs.LabObservation.SOURCE_PAGE). */
    static final String SOURCE_PAGE = "https://ferry.health/fhir/StructureDefinition/source-page";
    private static final Set<String> PATIENT_KEPT = Set.of("resourceType", "gender", "birthDate");
    /** A resource reference, relative or absolute, possibly versioned: its type and id. */
    private static final Pattern REFERENCE = Pattern.compile(
            "^(?:.*/)?([A-Z][A-Za-z]{1,63})/([A-Za-z0-9\\-.]{1,64})(?:/_history/[^/]+)?$");

    private Pseudonymised() {
    }

    /** One line of NDJSON: the resource pseudonymised and re-keyed for the study, compact. */
    static String line(String resourceJson, String pseudonym, StudyIds.Keyed ids) {
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
                resource.remove(List.of("text", "contained"));
                if (resource.path("meta") instanceof ObjectNode meta) {
                    meta.remove("source");
                }
                withoutDocumentNames(resource);
                resource.put("id", ids.id(resource.path("resourceType").asText(), resource.path("id").asText()));
                rewrite(resource, pseudonym, ids);
            }
            return JSON.writeValueAsString(resource);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /** Where a lab value was read keeps its page, not the uploaded document's name (docs/security.md: no file names). */
    private static void withoutDocumentNames(ObjectNode resource) {
        for (JsonNode extension : resource.path("extension")) {
            if (SOURCE_PAGE.equals(extension.path("url").asText()) && extension.path("extension") instanceof
                    com.fasterxml.jackson.databind.node.ArrayNode parts) {
                for (int i = parts.size() - 1; i >= 0; i--) {
                    if ("document".equals(parts.get(i).path("url").asText())) {
                        parts.remove(i);
                    }
                }
            }
        }
    }

    private static void rewrite(JsonNode node, String pseudonym, StudyIds.Keyed ids) {
        if (node instanceof ObjectNode object) {
            object.remove("identifier");
            if (object.has("contentType") && object.path("url").isTextual()) {
                object.remove("url"); // an Attachment's URL leads to the portal's copy
            }
            if (object.path("reference").isTextual()) {
                reference(object, pseudonym, ids);
            }
            object.forEach(value -> rewrite(value, pseudonym, ids));
        } else if (node instanceof ArrayNode array) {
            array.forEach(item -> rewrite(item, pseudonym, ids));
        }
    }

    /** A Reference: to the pseudonym (a Patient, its display too), re-keyed, or dropped when it names no resource. */
    private static void reference(ObjectNode object, String pseudonym, StudyIds.Keyed ids) {
        String reference = object.get("reference").asText();
        Matcher m = REFERENCE.matcher(reference);
        if (reference.startsWith("#")) {
            return;
        }
        if (!m.matches()) {
            object.remove("reference");
        } else if (m.group(1).equals("Patient")) {
            object.put("reference", "Patient/" + pseudonym);
            if (object.has("display")) {
                object.put("display", pseudonym);
            }
        } else {
            object.put("reference", m.group(1) + "/" + ids.id(m.group(1), m.group(2)));
        }
    }
}
