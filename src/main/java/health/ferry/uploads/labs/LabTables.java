package health.ferry.uploads.labs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The two documented tables lab values are read with: test names to LOINC ({@code loinc.tsv}) and unit spellings to
 * UCUM ({@code ucum.tsv}), both resources beside this class. Loaded once; immutable.
 */
public final class LabTables {
    /** UCUM's code system. */
    public static final String UCUM = "http://unitsofmeasure.org";
    /** LOINC's code system. */
    public static final String LOINC = "http://loinc.org";

    /** One known test: its LOINC code (null when the name has no single code), the kind of value, the display. */
    public record Test(String loinc, boolean presence, String display, List<String> names) {
    }

    private static final LabTables INSTANCE = new LabTables();

    private final List<Test> tests;
    /** Lower-cased name, its words joined by one space, to the test. */
    private final Map<String, Test> byName = new HashMap<>();
    /** The same names with OCR's usual confusions folded away ({@link #ocrFolded}); a name two tests share is left out. */
    private final Map<String, Test> byOcrName = new HashMap<>();
    private final Map<String, Test> byCode = new HashMap<>();
    private final Map<String, String> units = new HashMap<>();
    private final Map<String, String> unitsIgnoringCase = new HashMap<>();
    private final Set<String> ucumCodes = new LinkedHashSet<>();
    private final int longestName;

    private LabTables() {
        List<Test> list = new ArrayList<>();
        int longest = 0;
        for (String[] row : rows("loinc.tsv", 4)) {
            Test test = new Test(row[0].isBlank() ? null : row[0].strip(), "presence".equals(row[1].strip()),
                    row[2].strip(), Arrays.stream(row[3].split("\\|")).map(String::strip).toList());
            list.add(test);
            for (String name : test.names()) {
                String key = key(name);
                if (byName.putIfAbsent(key, test) != null) {
                    throw new IllegalStateException("loinc.tsv names " + name + " twice");
                }
                longest = Math.max(longest, key.split(" ").length);
                String folded = ocrFolded(key);
                Test before = byOcrName.putIfAbsent(folded, test);
                if (before != null && before != test) {
                    byOcrName.put(folded, null); // ambiguous once folded: never guessed between
                }
            }
            if (test.loinc() != null) {
                byCode.put(test.loinc(), test);
            }
        }
        this.tests = Collections.unmodifiableList(list);
        this.longestName = longest;
        for (String[] row : rows("ucum.tsv", 2)) {
            String spelling = row[0].strip();
            String code = row[1].strip();
            units.put(spelling, code);
            units.putIfAbsent(code, code);
            unitsIgnoringCase.putIfAbsent(spelling.toLowerCase(Locale.ROOT), code);
            ucumCodes.add(code);
        }
        for (String code : ucumCodes) {
            unitsIgnoringCase.putIfAbsent(code.toLowerCase(Locale.ROOT), code);
        }
    }

    public static LabTables get() {
        return INSTANCE;
    }

    public List<Test> tests() {
        return tests;
    }

    /**
     * The test printed under this name (words separated by any white space, case ignored), else under the name as OCR
     * misreads it ("GIUCOSE" is Glucose: I and l, 0 and O, 1 and l, 5 and S, rn and m read alike), when that names one
     * test only.
     */
    public Optional<Test> test(String name) {
        String key = key(name);
        Test exact = byName.get(key);
        return Optional.ofNullable(exact != null ? exact : byOcrName.get(ocrFolded(key)));
    }

    /** A lower-cased name with the letters OCR confuses made one. */
    static String ocrFolded(String key) {
        return key.replace("rn", "m").replace('i', 'l').replace('1', 'l').replace('|', 'l').replace('0', 'o')
                .replace('5', 's');
    }

    /** The test with this LOINC code, when the table has it. */
    public Optional<Test> byCode(String loinc) {
        return Optional.ofNullable(byCode.get(loinc));
    }

    /** The most words a known name has. */
    int longestName() {
        return longestName;
    }

    /** The UCUM code of a unit as printed: exact spelling first, then ignoring case ("mg/dl"); empty if unknown. */
    public Optional<String> ucum(String printed) {
        String exact = units.get(printed);
        return Optional.ofNullable(exact != null ? exact : unitsIgnoringCase.get(printed.toLowerCase(Locale.ROOT)));
    }

    /** Every UCUM code the table maps to. */
    public Set<String> ucumCodes() {
        return Collections.unmodifiableSet(ucumCodes);
    }

    static String key(String name) {
        return String.join(" ", name.strip().toLowerCase(Locale.ROOT).split("\\s+"));
    }

    private static List<String[]> rows(String resource, int columns) {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = LabTables.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] row = line.split("\t", -1);
                if (row.length != columns) {
                    throw new IllegalStateException(resource + ": " + columns + " columns expected in " + line);
                }
                rows.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return rows;
    }
}
