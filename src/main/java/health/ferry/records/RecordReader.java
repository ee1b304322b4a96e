package health.ferry.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** Reads category, display text and date from a FHIR R4 resource's JSON; unknown types are kept as "other". */
final class RecordReader {
    static final int MAX_DISPLAY = 500;
    /** Column sizes of a resource's type and id (health_record); FHIR ids are at most 64 characters. */
    static final int MAX_TYPE = 64;
    static final int MAX_ID = 128;
    private static final int MAX_VERSION = 64;
    private static final int MAX_LAST_UPDATED = 40;
    private static final Map<String, RecordCategory> BY_TYPE = Map.ofEntries(
            Map.entry("Condition", RecordCategory.CONDITIONS),
            Map.entry("AllergyIntolerance", RecordCategory.ALLERGIES),
            Map.entry("MedicationRequest", RecordCategory.MEDICATIONS),
            Map.entry("MedicationStatement", RecordCategory.MEDICATIONS),
            Map.entry("Immunization", RecordCategory.IMMUNIZATIONS),
            Map.entry("Procedure", RecordCategory.PROCEDURES),
            Map.entry("Encounter", RecordCategory.VISITS),
            Map.entry("DiagnosticReport", RecordCategory.LAB_RESULTS),
            Map.entry("DocumentReference", RecordCategory.DOCUMENTS),
            Map.entry("ImagingStudy", RecordCategory.PROCEDURES),
            Map.entry("Coverage", RecordCategory.INSURANCE_CLAIMS),
            Map.entry("ExplanationOfBenefit", RecordCategory.INSURANCE_CLAIMS),
            Map.entry("Patient", RecordCategory.DEMOGRAPHICS));
    private static final List<String> CONCEPTS = List.of("code", "medicationCodeableConcept", "vaccineCode", "type",
            "class", "category");
    private static final List<String> TEXTS = List.of("description", "title");
    private static final List<String> DATES = List.of("effectiveDateTime", "effectivePeriod", "onsetDateTime",
            "onsetPeriod", "occurrenceDateTime", "performedDateTime", "performedPeriod", "authoredOn",
            "recordedDate", "period", "date", "issued", "dateAsserted", "created");

    private RecordReader() {
    }

    /** The category a resource belongs to; Observation by its category (laboratory, vital-signs). */
    static RecordCategory category(JsonNode r) {
        String type = r.path("resourceType").asText("");
        if ("Observation".equals(type)) {
            for (JsonNode cat : r.path("category")) {
                for (JsonNode coding : cat.path("coding")) {
                    String code = coding.path("code").asText("");
                    if ("laboratory".equals(code)) {
                        return RecordCategory.LAB_RESULTS;
                    }
                    if ("vital-signs".equals(code)) {
                        return RecordCategory.VITAL_SIGNS;
                    }
                }
            }
            return RecordCategory.OTHER;
        }
        return BY_TYPE.getOrDefault(type, RecordCategory.OTHER);
    }

    static RecordFacts facts(JsonNode r, String json) {
        JsonNode meta = r.path("meta");
        return new RecordFacts(r.path("resourceType").asText(), r.path("id").asText(), category(r), display(r),
                date(r), meta(meta.path("versionId"), MAX_VERSION), meta(meta.path("lastUpdated"), MAX_LAST_UPDATED),
                json);
    }

    /**
     * Whether a resource's type and id can key a record: present, within the column sizes, without control
     * characters (PostgreSQL text cannot hold NUL).
     */
    static boolean keyable(JsonNode r) {
        return plain(r.path("resourceType"), MAX_TYPE) && plain(r.path("id"), MAX_ID);
    }

    /** A meta value as text, or none when it is not plain text that fits (the JSON then tells versions apart). */
    private static String meta(JsonNode v, int max) {
        return plain(v, max) ? v.asText() : null;
    }

    private static boolean plain(JsonNode v, int max) {
        if (!v.isTextual() || v.asText().isEmpty() || v.asText().length() > max) {
            return false;
        }
        String text = v.asText();
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String display(JsonNode r) {
        if ("Patient".equals(r.path("resourceType").asText())) {
            return patientName(r);
        }
        for (String field : CONCEPTS) {
            JsonNode concept = r.path(field);
            String text = conceptText(concept.isArray() ? concept.path(0) : concept);
            if (text != null) {
                return clip(text);
            }
        }
        for (String field : TEXTS) {
            if (r.path(field).isTextual() && !r.path(field).asText().isBlank()) {
                return clip(r.path(field).asText());
            }
        }
        return r.path("resourceType").asText();
    }

    /** A Patient's first name as written ({@code text}, else given and family names); "Patient" without one. */
    private static String patientName(JsonNode r) {
        JsonNode name = r.path("name").path(0);
        String text = name.path("text").asText("").strip();
        if (text.isEmpty()) {
            StringBuilder b = new StringBuilder();
            name.path("given").forEach(g -> b.append(g.asText("")).append(' '));
            text = b.append(name.path("family").asText("")).toString().strip();
        }
        return text.isEmpty() ? "Patient" : clip(text);
    }

    private static String conceptText(JsonNode c) {
        if (c.path("text").isTextual() && !c.path("text").asText().isBlank()) {
            return c.path("text").asText();
        }
        if (c.path("display").isTextual()) {
            return c.path("display").asText();
        }
        for (JsonNode coding : c.path("coding")) {
            if (coding.path("display").isTextual() && !coding.path("display").asText().isBlank()) {
                return coding.path("display").asText();
            }
        }
        return null;
    }

    static LocalDate date(JsonNode r) {
        for (String field : DATES) {
            JsonNode v = r.path(field);
            String text = v.isObject() ? v.path("start").asText(null) : v.asText(null);
            if (text != null && text.length() >= 10) {
                try {
                    return LocalDate.parse(text.substring(0, 10));
                } catch (DateTimeParseException e) {
                    // not a full date: try the next field
                }
            }
        }
        return null;
    }

    /** Display text: control characters (a line break in a code's text, a NUL) read as spaces, then clipped. */
    private static String clip(String s) {
        StringBuilder b = null;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isISOControl(s.charAt(i))) {
                if (b == null) {
                    b = new StringBuilder(s);
                }
                b.setCharAt(i, ' ');
            }
        }
        String t = (b == null ? s : b.toString()).strip();
        return t.length() <= MAX_DISPLAY ? t : t.substring(0, MAX_DISPLAY - 1) + "…";
    }
}
