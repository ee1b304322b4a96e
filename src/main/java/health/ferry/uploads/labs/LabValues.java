package health.ferry.uploads.labs;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads proposed lab results from a lab report's text (PDF text layer or OCR), a pure function. A result is a line
 * (or a column of a line) that reads: test name, value, optional flag, optional unit, optional reference range,
 * optional flag; table bars and dotted leaders are only spacing. The name is one of {@link LabTables}' (longest
 * match); an unknown name counts only when a known unit and a range follow its value. Anything else on a line makes
 * the line yield nothing, so headers, addresses, dates and comments never become results. Pages are counted at the
 * form-feed lines the extraction writes between pages.
 */
public final class LabValues {
    private static final char PAGE_BREAK = '\f';
    private static final Pattern TOKEN = Pattern.compile("\\S+");
    /** What OCR makes of a dotted leader ("ee eeeeee eee", "oo.", "0-"): skipped between a known name and its value. */
    private static final Pattern OCR_LEADER = Pattern.compile("[.·:_\\-–eoc0u]+");
    /** Column rules and dotted leaders; a leader's last dot OCR read as "0-" or "o-" goes with it. */
    private static final Pattern LEADERS = Pattern.compile("[|¦]|\\.{2,}(?:[0oOe]-(?=\\s))?|…+|_{2,}");
    private static final Pattern RANGE_DASH = Pattern.compile("(?<=[0-9Oo.])\\s*[-–]\\s*(?=[0-9Oo.])");
    private static final Pattern COMPARATOR_SPACE = Pattern.compile("(?<=^|\\s|\\()([<>]=?|≤|≥)\\s+(?=[0-9Oo])");
    private static final String DIGITS_AS_PRINTED = "[0-9OoIl,.]*[0-9][0-9OoIl,.]*";
    private static final Pattern VALUE = Pattern.compile("(?:[<>]=?|≤|≥)?" + DIGITS_AS_PRINTED);
    private static final Pattern NUMBER = Pattern.compile("([<>]=?|≤|≥)?(\\d+(?:\\.\\d+)?|\\d{1,3}(?:,\\d{3})+"
            + "(?:\\.\\d+)?)");
    private static final Pattern BOUND = Pattern.compile("\\(?([<>]=?|≤|≥)(" + DIGITS_AS_PRINTED + ")\\)?");
    private static final Pattern INTERVAL = Pattern.compile("\\(?(" + DIGITS_AS_PRINTED + ")-(" + DIGITS_AS_PRINTED
            + ")\\)?");
    private static final Pattern PLAIN = Pattern.compile("\\d+(?:\\.\\d+)?");
    private static final Pattern FLAG = Pattern.compile("\\*?(H|L|HH|LL|A|[Hh]igh|[Ll]ow|HIGH|LOW|[Aa]bnormal)\\*?");
    private static final Pattern UNIT_LIKE = Pattern.compile("[A-Za-zµμ%\\[\\]{}*^0-9/.]{1,16}");
    private static final Set<String> PRESENCE_WORDS = Set.of("negative", "positive", "trace", "neg", "pos", "small",
            "moderate", "large", "1+", "2+", "3+", "4+");
    private static final Pattern COLLECTED = Pattern.compile("(?i)\\b(collected|collection|drawn|specimen date)\\b");
    private static final Pattern REPORTED = Pattern.compile("(?i)\\b(reported|report date|date of report|resulted"
            + "|date of service)\\b");
    private static final Pattern DATE = Pattern.compile("\\b(\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4}"
            + "|[A-Z][a-z]{2,8}\\.? \\d{1,2},? \\d{4}|\\d{1,2}[- ][A-Z][a-z]{2}[- ]\\d{4})\\b");
    private static final List<DateTimeFormatter> DATE_FORMATS = List.of(DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("M/d/uuuu", Locale.ROOT),
            formatter("MMMM d, uuuu"), formatter("MMMM d uuuu"), formatter("MMM d, uuuu"), formatter("MMM d uuuu"),
            formatter("MMM. d, uuuu"), formatter("d-MMM-uuuu"), formatter("d MMM uuuu"));

    private final LabTables tables;

    private LabValues(LabTables tables) {
        this.tables = tables;
    }

    /** The results proposed from a document's text, in reading order. */
    public static List<LabProposal> read(String text) {
        return new LabValues(LabTables.get()).readAll(text == null ? "" : text);
    }

    /** The specimen's collection date printed in the text, else the report's date, else empty. */
    public static Optional<LocalDate> date(String text) {
        Optional<LocalDate> collected = dateAfter(text, COLLECTED);
        return collected.isPresent() ? collected : dateAfter(text, REPORTED);
    }

    private List<LabProposal> readAll(String text) {
        LocalDate date = date(text).orElse(null);
        List<LabProposal> found = new ArrayList<>();
        int page = 1;
        for (String line : text.split("\n")) {
            if (line.indexOf(PAGE_BREAK) >= 0) {
                page += (int) line.chars().filter(c -> c == PAGE_BREAK).count();
                continue;
            }
            found.addAll(line(line, page, date));
        }
        return found;
    }

    /** The results of one line: none unless every token belongs to a result, or the rest sits in a column apart. */
    private List<LabProposal> line(String raw, int page, LocalDate date) {
        String line = LEADERS.matcher(raw).replaceAll(" ");
        line = RANGE_DASH.matcher(line).replaceAll("-");
        line = COMPARATOR_SPACE.matcher(line).replaceAll("$1");
        List<String> tokens = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        Matcher m = TOKEN.matcher(line);
        while (m.find()) {
            tokens.add(m.group());
            starts.add(m.start());
            ends.add(m.end());
        }
        List<LabProposal> results = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            Parsed parsed = result(tokens, i, page, date);
            if (parsed == null) {
                boolean column = !results.isEmpty() && starts.get(i) - ends.get(i - 1) >= 3;
                return column ? results : List.of();
            }
            results.add(parsed.proposal());
            i = parsed.next();
        }
        return results;
    }

    private record Parsed(LabProposal proposal, int next) {
    }

    private record Name(String printed, LabTables.Test test, int next) {
    }

    private Parsed result(List<String> t, int start, int page, LocalDate date) {
        Name name = knownName(t, start);
        if (name == null) {
            name = unknownName(t, start);
        }
        if (name == null) {
            return null;
        }
        boolean presence = name.test() != null && name.test().presence();
        int i = name.next();
        if (name.test() != null) {
            // A known name, then a dotted leader OCR read as letters: the value follows it.
            int after = i;
            while (after < t.size() - 1 && OCR_LEADER.matcher(t.get(after)).matches()
                    && !VALUE.matcher(t.get(after)).matches()) {
                after++;
            }
            if (after > i && VALUE.matcher(t.get(after)).matches()) {
                i = after;
            }
        }
        String value = t.get(i);
        if (!VALUE.matcher(value).matches() && !(presence && PRESENCE_WORDS.contains(value.toLowerCase(Locale.ROOT)))) {
            return null;
        }
        i++;
        String flag = null;
        if (i < t.size() && FLAG.matcher(t.get(i)).matches()) {
            flag = flag(t.get(i++));
        }
        String unit = null;
        String ucum = null;
        if (i < t.size() && !isRange(t.get(i), presence) && knownName(t, i) == null) {
            Optional<String> known = tables.ucum(t.get(i));
            if (known.isPresent() || (UNIT_LIKE.matcher(t.get(i)).matches() && !FLAG.matcher(t.get(i)).matches()
                    && !VALUE.matcher(t.get(i)).matches() && name.test() != null)) {
                unit = t.get(i++);
                ucum = known.orElse(null);
            }
        }
        String range = null;
        if (i < t.size() && isRange(t.get(i), presence)) {
            range = t.get(i++);
        }
        if (flag == null && i < t.size() && FLAG.matcher(t.get(i)).matches()) {
            flag = flag(t.get(i++));
        }
        if (name.test() == null && (ucum == null || range == null)) {
            return null;
        }
        Matcher number = NUMBER.matcher(value);
        BigDecimal amount = null;
        String comparator = null;
        if (number.matches()) {
            amount = new BigDecimal(number.group(2).replace(",", ""));
            comparator = comparator(number.group(1));
        }
        BigDecimal low = null;
        BigDecimal high = null;
        String rangeText = range == null ? null : strip(range);
        if (rangeText != null) {
            Matcher interval = INTERVAL.matcher(rangeText);
            Matcher bound = BOUND.matcher(rangeText);
            if (interval.matches() && PLAIN.matcher(interval.group(1)).matches()
                    && PLAIN.matcher(interval.group(2)).matches()) {
                low = new BigDecimal(interval.group(1));
                high = new BigDecimal(interval.group(2));
            } else if (bound.matches() && PLAIN.matcher(bound.group(2)).matches()) {
                if (bound.group(1).startsWith("<") || bound.group(1).equals("≤")) {
                    high = new BigDecimal(bound.group(2));
                } else {
                    low = new BigDecimal(bound.group(2));
                }
            }
        }
        LabTables.Test test = name.test();
        return new Parsed(new LabProposal(name.printed(), test == null ? null : test.loinc(), value, amount,
                comparator, unit, ucum, rangeText, low, high, flag, date, page), i);
    }

    /** The longest known name starting at token {@code start}, followed by at least one more token. */
    private Name knownName(List<String> t, int start) {
        for (int n = Math.min(tables.longestName(), t.size() - start - 1); n >= 1; n--) {
            String printed = String.join(" ", t.subList(start, start + n));
            String bare = printed.endsWith(":") ? printed.substring(0, printed.length() - 1) : printed;
            Optional<LabTables.Test> test = tables.test(bare);
            if (test.isPresent()) {
                // A name OCR misread ("GIUCOSE") is proposed under the test's own name; the page shows what was printed.
                boolean asPrinted = test.get().names().stream().anyMatch(known -> known.equalsIgnoreCase(bare.strip()
                        .replaceAll("\\s+", " ")));
                return new Name(asPrinted ? bare : test.get().names().get(0), test.get(), start + n);
            }
        }
        return null;
    }

    /** Up to five words starting with a letter, then a value: a name the table does not know. */
    private static Name unknownName(List<String> t, int start) {
        int i = start;
        while (i < t.size() && i - start < 5 && Character.isLetter(t.get(i).codePointAt(0))
                && !VALUE.matcher(t.get(i)).matches()) {
            i++;
        }
        if (i == start || i >= t.size() || !VALUE.matcher(t.get(i)).matches()) {
            return null;
        }
        String printed = String.join(" ", t.subList(start, i));
        return new Name(printed.endsWith(":") ? printed.substring(0, printed.length() - 1) : printed, null, i);
    }

    private static boolean isRange(String token, boolean presence) {
        String s = strip(token);
        return INTERVAL.matcher(s).matches() || BOUND.matcher(s).matches()
                || (presence && PRESENCE_WORDS.contains(s.toLowerCase(Locale.ROOT)));
    }

    /** A range without the parentheses some layouts print around it. */
    private static String strip(String range) {
        return range.startsWith("(") && range.endsWith(")") ? range.substring(1, range.length() - 1) : range;
    }

    private static String flag(String printed) {
        String f = printed.replace("*", "").toUpperCase(Locale.ROOT);
        return switch (f) {
            case "HIGH" -> "H";
            case "LOW" -> "L";
            case "ABNORMAL" -> "A";
            default -> f;
        };
    }

    private static String comparator(String printed) {
        if (printed == null) {
            return null;
        }
        return switch (printed) {
            case "≤" -> "<=";
            case "≥" -> ">=";
            default -> printed;
        };
    }

    private static Optional<LocalDate> dateAfter(String text, Pattern label) {
        for (String line : text.split("\n")) {
            Matcher l = label.matcher(line);
            if (!l.find()) {
                continue;
            }
            Matcher d = DATE.matcher(line);
            while (d.find()) {
                if (d.start() >= l.end() && d.start() - l.end() <= 40) {
                    Optional<LocalDate> parsed = parse(d.group(1));
                    if (parsed.isPresent()) {
                        return parsed;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<LocalDate> parse(String printed) {
        for (DateTimeFormatter f : DATE_FORMATS) {
            try {
                return Optional.of(LocalDate.parse(printed, f));
            } catch (DateTimeParseException e) {
                // the next format
            }
        }
        return Optional.empty();
    }

    private static DateTimeFormatter formatter(String pattern) {
        return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern)
                .toFormatter(Locale.ENGLISH);
    }
}
