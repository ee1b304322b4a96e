package health.ferry.uploads.labs;

import health.ferry.uploads.api.LabFieldView;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fields of a proposed lab result a coordinator decides one by one, what Ferry proposes for each, and the check
 * every value must pass before it can become part of a record (a correction, or a proposal being confirmed).
 */
public final class LabFields {
    public static final String TEST = LabFieldView.TEST;
    public static final String CODE = LabFieldView.CODE;
    public static final String VALUE = LabFieldView.VALUE;
    public static final String UNIT = LabFieldView.UNIT;
    public static final String RANGE = LabFieldView.RANGE;
    public static final String FLAG = LabFieldView.FLAG;
    public static final String DATE = LabFieldView.DATE;
    /** In the order they are shown. */
    public static final List<String> ALL = LabFieldView.ALL;
    /** Without these a result is no result: dropping one drops the result. */
    public static final Set<String> REQUIRED = Set.of(TEST, VALUE);
    /** The interpretation codes a flag may take (v3 ObservationInterpretation). */
    public static final Set<String> FLAGS = Set.of("H", "L", "HH", "LL", "A", "N");
    static final Set<String> WORDS = Set.of("negative", "positive", "trace", "small", "moderate", "large", "1+",
            "2+", "3+", "4+");

    private static final Pattern LOINC = Pattern.compile("\\d{1,7}-\\d");
    static final Pattern NUMBER = Pattern.compile("(<=|>=|<|>)?\\s*(\\d+(?:\\.\\d+)?)");
    static final Pattern INTERVAL = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*-\\s*(\\d+(?:\\.\\d+)?)");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    /** A value that cannot stand, with the words a coordinator reads beside the field. */
    public static final class Invalid extends Exception {
        public Invalid(String message) {
            super(message, null, false, false);
        }
    }

    private LabFields() {
    }

    /** What Ferry proposes for each field (null where nothing was printed), and the unit as printed. */
    public static Map<String, String> proposed(LabProposal p) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put(TEST, p.test());
        fields.put(CODE, p.loinc());
        fields.put(VALUE, p.value());
        fields.put(UNIT, p.ucum() != null ? p.ucum() : p.unit());
        fields.put(RANGE, p.range());
        fields.put(FLAG, p.flag());
        fields.put(DATE, p.date() == null ? null : p.date().toString());
        return fields;
    }

    /**
     * The value as it will be recorded (trimmed; a unit as its UCUM code; a flag in capitals), or {@link Invalid}
     * saying why not. A blank value means "none" and is allowed for every field but the test and the value.
     */
    public static String check(String field, String value) throws Invalid {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            if (REQUIRED.contains(field)) {
                throw new Invalid(TEST.equals(field) ? "Enter the test's name, or drop the result."
                        : "Enter the value, or drop the result.");
            }
            return null;
        }
        if (v.length() > 200 || CONTROL.matcher(v).find()) {
            throw new Invalid("Use at most 200 characters of plain text.");
        }
        switch (field) {
            case TEST:
                return v;
            case CODE:
                if (!LOINC.matcher(v).matches()) {
                    throw new Invalid("A LOINC code looks like 2345-7.");
                }
                return v;
            case VALUE:
                if (NUMBER.matcher(v).matches()) {
                    return v.replaceAll("\\s+", "");
                }
                if (WORDS.contains(v.toLowerCase(Locale.ROOT))) {
                    return v;
                }
                throw new Invalid("\"" + v + "\" is not a number as written (a letter O for a zero?). Enter the "
                        + "value as the report shows it, e.g. 0.9, <5 or Negative.");
            case UNIT:
                return LabTables.get().ucum(v).orElseThrow(() -> new Invalid("\"" + v + "\" is not a unit Ferry "
                        + "knows. Use a UCUM unit such as mg/dL, mmol/L, 10*3/uL or %."));
            case RANGE:
                String r = v.startsWith("(") && v.endsWith(")") ? v.substring(1, v.length() - 1).strip() : v;
                if (INTERVAL.matcher(r).matches() || NUMBER.matcher(r).matches() && (r.startsWith("<")
                        || r.startsWith(">")) || WORDS.contains(r.toLowerCase(Locale.ROOT))) {
                    return r.replaceAll("\\s+", "");
                }
                throw new Invalid("Write the range as low-high (e.g. 70-99), a limit (<200, >40) or a word "
                        + "(Negative).");
            case FLAG:
                String f = v.toUpperCase(Locale.ROOT);
                if (!FLAGS.contains(f)) {
                    throw new Invalid("Use H (high), L (low), HH, LL, A (abnormal) or N (normal), or leave it empty.");
                }
                return f;
            case DATE:
                try {
                    return LocalDate.parse(v).toString();
                } catch (DateTimeParseException e) {
                    throw new Invalid("Write the date as year-month-day, e.g. 2024-03-12.");
                }
            default:
                throw new Invalid("Not a field of a lab result.");
        }
    }
}
