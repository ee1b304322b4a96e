package health.ferry.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The match keys of one FHIR resource, by which the same clinical fact from two sources is found (docs/sync.md,
 * "One record per fact"). Identifier keys {@code id|type|system|value} for each identifier with both; fact keys
 * {@code fact|type|codeSystem|code|day} for each coding (system and code) of the type's main concept, and for an
 * Observation its value too (a quantity's number without trailing zeros and its unit, a coded value, a text, or its
 * components). No day, no fact key: an undated fact is never matched. Keys are stored as the first 128 bits of
 * their SHA-256, as a uuid.
 */
final class FactKeys {
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });
    /** The concept that says what the fact is, per resource type; types not listed get identifier keys only. */
    private static final Map<String, String> MAIN_CONCEPT = Map.of(
            "Condition", "code",
            "Observation", "code",
            "Procedure", "code",
            "AllergyIntolerance", "code",
            "Immunization", "vaccineCode",
            "MedicationStatement", "medicationCodeableConcept",
            "MedicationRequest", "medicationCodeableConcept",
            "DiagnosticReport", "code",
            "Encounter", "type");

    /** A resource's keys: identifier keys, then fact keys (each a hash). */
    record Keys(List<UUID> identifiers, List<UUID> facts) {
        static final Keys NONE = new Keys(List.of(), List.of());

        boolean isEmpty() {
            return identifiers.isEmpty() && facts.isEmpty();
        }

        List<UUID> all() {
            List<UUID> all = new ArrayList<>(identifiers.size() + facts.size());
            all.addAll(identifiers);
            all.addAll(facts);
            return all;
        }
    }

    private FactKeys() {
    }

    static Keys of(JsonNode r, LocalDate day) {
        String type = r.path("resourceType").asText();
        List<UUID> identifiers = new ArrayList<>(2);
        for (JsonNode id : r.path("identifier")) {
            String system = text(id.path("system"));
            String value = text(id.path("value"));
            if (system != null && value != null) {
                identifiers.add(hash("id|" + type + "|" + system + "|" + value));
            }
        }
        List<UUID> facts = List.of();
        String field = MAIN_CONCEPT.get(type);
        if (field != null && day != null) {
            String value = "Observation".equals(type) ? observationValue(r) : "";
            if (value != null) {
                facts = new ArrayList<>(2);
                JsonNode concept = r.path(field);
                for (JsonNode c : concept.isArray() ? concept : List.of(concept)) {
                    for (JsonNode coding : c.path("coding")) {
                        String system = text(coding.path("system"));
                        String code = text(coding.path("code"));
                        if (system != null && code != null) {
                            facts.add(hash("fact|" + type + "|" + system + "|" + code + "|" + day + value));
                        }
                    }
                }
            }
        }
        return identifiers.isEmpty() && facts.isEmpty() ? Keys.NONE
                : new Keys(List.copyOf(new java.util.LinkedHashSet<>(identifiers)),
                        List.copyOf(new java.util.LinkedHashSet<>(facts)));
    }

    /**
     * An Observation's value as part of its key, or null when it has none (an Observation without a value is never
     * matched: nothing tells two of them apart).
     */
    static String observationValue(JsonNode r) {
        String own = value(r);
        if (own != null) {
            return "|" + own;
        }
        Set<String> parts = new TreeSet<>();
        for (JsonNode component : r.path("component")) {
            String v = value(component);
            if (v == null) {
                return null;
            }
            Set<String> codes = new TreeSet<>();
            for (JsonNode coding : component.path("code").path("coding")) {
                codes.add(text(coding.path("system")) + "#" + text(coding.path("code")));
            }
            parts.add(codes + "=" + v);
        }
        return parts.isEmpty() ? null : "|" + parts;
    }

    private static String value(JsonNode r) {
        JsonNode q = r.path("valueQuantity");
        if (q.path("value").isNumber() || q.path("value").isTextual()) {
            try {
                BigDecimal v = new BigDecimal(q.path("value").asText()).stripTrailingZeros();
                String unit = text(q.path("code")) != null ? text(q.path("code")) : text(q.path("unit"));
                return "q:" + v.toPlainString() + " " + (unit == null ? "" : unit);
            } catch (NumberFormatException e) {
                return null;
            }
        }
        JsonNode c = r.path("valueCodeableConcept");
        if (c.isObject()) {
            Set<String> codes = new TreeSet<>();
            for (JsonNode coding : c.path("coding")) {
                if (text(coding.path("code")) != null) {
                    codes.add(text(coding.path("system")) + "#" + text(coding.path("code")));
                }
            }
            return codes.isEmpty() ? null : "c:" + codes;
        }
        for (String field : List.of("valueString", "valueBoolean", "valueInteger", "valueDateTime")) {
            if (r.path(field).isValueNode()) {
                return field + ":" + r.path(field).asText().strip().toLowerCase(Locale.ROOT);
            }
        }
        return null;
    }

    /**
     * Whether two resources' identifiers contradict each other: a system both carry in which no value is equal (the
     * two sources then say they are different things, however alike the rest looks).
     */
    static boolean conflict(JsonNode a, JsonNode b) {
        Map<String, Set<String>> bySystem = identifiers(a);
        if (bySystem.isEmpty()) {
            return false;
        }
        Map<String, Set<String>> other = identifiers(b);
        for (Map.Entry<String, Set<String>> e : bySystem.entrySet()) {
            Set<String> theirs = other.get(e.getKey());
            if (theirs != null && theirs.stream().noneMatch(e.getValue()::contains)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the resource carries any identifier with a system and a value (only then can one contradict). */
    static boolean hasIdentifiers(JsonNode r) {
        return !identifiers(r).isEmpty();
    }

    private static Map<String, Set<String>> identifiers(JsonNode r) {
        Map<String, Set<String>> bySystem = new HashMap<>();
        for (JsonNode id : r.path("identifier")) {
            String system = text(id.path("system"));
            String value = text(id.path("value"));
            if (system != null && value != null) {
                bySystem.computeIfAbsent(system, s -> new TreeSet<>()).add(value);
            }
        }
        return bySystem;
    }

    private static String text(JsonNode v) {
        return v.isValueNode() && !v.asText().isBlank() ? v.asText().strip() : null;
    }

    static UUID hash(String key) {
        byte[] h = SHA_256.get().digest(key.getBytes(StandardCharsets.UTF_8));
        ByteBuffer b = ByteBuffer.wrap(h);
        return new UUID(b.getLong(), b.getLong());
    }
}
