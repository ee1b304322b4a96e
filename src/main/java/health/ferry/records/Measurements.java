package health.ferry.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's lab tests and vital signs over time, for the return of value on the timeline: numeric Observations
 * (a {@code valueQuantity}, or the quantities of its components, as a blood-pressure panel's systolic and diastolic)
 * grouped into one chart per LOINC code and unit; a test measured in two units is two charts, as the values cannot
 * share an axis. Observations without a LOINC code, a number or a date are left out.
 */
public record Measurements(List<Measurement> items) {
    static final String LOINC = "http://loinc.org";
    /** UCUM codes that portals send as the unit itself, in the form people read. */
    static final Map<String, String> UNITS = Map.of("mm[Hg]", "mmHg", "[degF]", "°F", "Cel", "°C", "[lb_av]", "lb",
            "[in_i]", "in", "{beats}/min", "/min", "/min", "/min", "kg/m2", "kg/m²");

    /** One chart: a test (or panel) in one unit, with a series per measured code. */
    public record Measurement(String code, String name, String unit, List<Series> series) {
    }

    /** One measured code over time, oldest first; {@code low}/{@code high}: its latest reference range, if any. */
    public record Series(String code, String name, BigDecimal low, BigDecimal high, List<Point> points) {
        public boolean ranged() {
            return low != null || high != null;
        }

        public String lowText() {
            return low == null ? "" : low.toPlainString();
        }

        public String highText() {
            return high == null ? "" : high.toPlainString();
        }

        /** The latest value. */
        public Point latest() {
            return points.get(points.size() - 1);
        }
    }

    /** One value on one day ({@code date}, ISO), with the reference range printed beside it, if any. */
    public record Point(LocalDate date, BigDecimal value, BigDecimal low, BigDecimal high) {
        /** The number as the lab wrote it (no exponent), for pages. */
        public String valueText() {
            return value.toPlainString();
        }

        public String lowText() {
            return low == null ? "" : low.toPlainString();
        }

        public String highText() {
            return high == null ? "" : high.toPlainString();
        }

        public boolean ranged() {
            return low != null || high != null;
        }
    }

    /** The measurements in these Observation resources (FHIR R4 JSON), charts ordered by name. */
    static Measurements of(List<JsonNode> observations) {
        Map<String, Builder> charts = new LinkedHashMap<>();
        for (JsonNode o : observations) {
            Coded test = coded(o.path("code"));
            LocalDate date = date(o);
            if (test == null || date == null) {
                continue;
            }
            if (o.path("valueQuantity").isObject()) {
                add(charts, test, test, o.path("valueQuantity"), o.path("referenceRange"), date);
            }
            for (JsonNode c : o.path("component")) {
                Coded part = coded(c.path("code"));
                if (part != null && c.path("valueQuantity").isObject()) {
                    add(charts, test, part, c.path("valueQuantity"), c.path("referenceRange"), date);
                }
            }
        }
        return new Measurements(charts.values().stream().map(Builder::build)
                .sorted(Comparator.comparing(Measurement::name, String.CASE_INSENSITIVE_ORDER)
                        .thenComparing(Measurement::unit))
                .toList());
    }

    private static void add(Map<String, Builder> charts, Coded test, Coded measured, JsonNode quantity,
            JsonNode ranges, LocalDate date) {
        JsonNode value = quantity.path("value");
        if (!value.isNumber()) {
            return;
        }
        String unit = UNITS.getOrDefault(text(quantity.path("unit"), text(quantity.path("code"), "")),
                text(quantity.path("unit"), text(quantity.path("code"), "")));
        JsonNode range = ranges.path(0);
        charts.computeIfAbsent(test.code() + "|" + unit, k -> new Builder(test, unit))
                .add(measured, new Point(date, value.decimalValue(), number(range.path("low")),
                        number(range.path("high"))));
    }

    /** The LOINC coding of a CodeableConcept, named by its text or the coding's display; null without one. */
    private static Coded coded(JsonNode concept) {
        for (JsonNode coding : concept.path("coding")) {
            if (LOINC.equals(coding.path("system").asText()) && !coding.path("code").asText().isBlank()) {
                String code = coding.path("code").asText();
                return new Coded(code, text(coding.path("display"), text(concept.path("text"), code)));
            }
        }
        return null;
    }

    /** The day it was measured: effectiveDateTime, the start of effectivePeriod, else when it was issued. */
    private static LocalDate date(JsonNode o) {
        for (JsonNode at : List.of(o.path("effectiveDateTime"), o.path("effectivePeriod").path("start"),
                o.path("issued"))) {
            String text = at.asText("");
            if (text.length() >= 10) {
                try {
                    return LocalDate.parse(text.substring(0, 10));
                } catch (java.time.format.DateTimeParseException e) {
                    // not a full date (a year or a month only): try the next field
                }
            }
        }
        return null;
    }

    private static BigDecimal number(JsonNode quantity) {
        return quantity.path("value").isNumber() ? quantity.path("value").decimalValue() : null;
    }

    private static String text(JsonNode node, String otherwise) {
        String text = node.asText("").strip();
        return text.isEmpty() ? otherwise : text;
    }

    private record Coded(String code, String name) {
    }

    /** A chart being collected: its series by measured code, in the order first met. */
    private static final class Builder {
        final Coded test;
        final String unit;
        final Map<String, List<Point>> points = new LinkedHashMap<>();
        final Map<String, String> names = new LinkedHashMap<>();

        Builder(Coded test, String unit) {
            this.test = test;
            this.unit = unit;
        }

        void add(Coded measured, Point point) {
            names.putIfAbsent(measured.code(), measured.name());
            points.computeIfAbsent(measured.code(), k -> new ArrayList<>()).add(point);
        }

        Measurement build() {
            List<Series> series = new ArrayList<>();
            points.forEach((code, list) -> {
                List<Point> sorted = list.stream().sorted(Comparator.comparing(Point::date)).toList();
                Point ranged = sorted.stream().filter(p -> p.low() != null || p.high() != null)
                        .reduce((a, b) -> b).orElse(null);
                series.add(new Series(code, names.get(code), ranged == null ? null : ranged.low(),
                        ranged == null ? null : ranged.high(), sorted));
            });
            return new Measurement(test.code(), test.name(), unit, series);
        }
    }
}
