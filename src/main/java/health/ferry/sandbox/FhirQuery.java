package health.ferry.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The search parameters the sandbox understands: {@code patient} (or {@code subject}), {@code _id},
 * {@code category}, {@code _lastUpdated} (prefixes eq, gt, ge, lt, le; repeat for a range), {@code _count} (1 to
 * 200, default 50) and {@code _offset}, the paging cursor of {@code next} links. Others are ignored, as FHIR's
 * lenient handling allows.
 */
record FhirQuery(String patient, String id, List<String> categories, List<Bound> lastUpdated, int count, int offset) {
    static final int DEFAULT_COUNT = 50;
    static final int MAX_COUNT = 200;
    private static final Set<String> PREFIXES = Set.of("eq", "gt", "ge", "lt", "le");

    /** One {@code _lastUpdated} condition: the value's range [from, to) and how to compare with it. */
    record Bound(String prefix, Instant from, Instant to, String text) {
        boolean matches(Instant t) {
            return switch (prefix) {
                case "gt" -> !t.isBefore(to);
                case "ge" -> !t.isBefore(from);
                case "lt" -> t.isBefore(from);
                case "le" -> t.isBefore(to);
                default -> !t.isBefore(from) && t.isBefore(to);
            };
        }
    }

    /** Parses the query; a malformed value throws IllegalArgumentException with a message for the client. */
    static FhirQuery parse(Map<String, List<String>> params) {
        String patient = first(params, "patient");
        if (patient == null) {
            patient = first(params, "subject");
        }
        if (patient != null && patient.startsWith("Patient/")) {
            patient = patient.substring("Patient/".length());
        }
        List<String> categories = new ArrayList<>();
        params.getOrDefault("category", List.of()).forEach(v -> categories.addAll(Arrays.asList(v.split(","))));
        List<Bound> bounds = new ArrayList<>();
        params.getOrDefault("_lastUpdated", List.of()).forEach(v -> bounds.add(bound(v)));
        int count = number(first(params, "_count"), DEFAULT_COUNT, 1, "_count");
        int offset = number(first(params, "_offset"), 0, 0, "_offset");
        return new FhirQuery(patient, first(params, "_id"), List.copyOf(categories), List.copyOf(bounds),
                Math.min(count, MAX_COUNT), offset);
    }

    static Bound bound(String raw) {
        // A '+' in a time zone arrives as a space when the client did not encode it.
        String value = raw.trim().replace(' ', '+');
        String prefix = value.length() > 2 && PREFIXES.contains(value.substring(0, 2)) ? value.substring(0, 2) : "eq";
        String date = prefix.equals("eq") && !value.startsWith("eq") ? value : value.substring(2);
        try {
            if (date.length() == 10) {
                Instant day = LocalDate.parse(date).atStartOfDay().toInstant(ZoneOffset.UTC);
                return new Bound(prefix, day, day.plusSeconds(86_400), value);
            }
            Instant at = OffsetDateTime.parse(date).toInstant();
            return new Bound(prefix, at, at.plusSeconds(1), value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("_lastUpdated must be a date or a dateTime with a time zone, such as "
                    + "gt2024-01-01 or gt2024-01-01T00:00:00Z.");
        }
    }

    private static int number(String value, int fallback, int min, String name) {
        if (value == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(value.trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException(name + " must be a whole number of at least " + min + ".");
    }

    private static String first(Map<String, List<String>> params, String name) {
        List<String> values = params.get(name);
        return values == null || values.isEmpty() || values.get(0).isBlank() ? null : values.get(0).trim();
    }
}
