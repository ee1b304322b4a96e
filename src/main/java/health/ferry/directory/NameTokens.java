package health.ferry.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Names of organisations and doctors reduced to search tokens: lower case, accents and punctuation gone, titles
 * and legal suffixes dropped (Dr., MD, Inc.), a few spellings made one (Saint/St, Centre/Center).
 */
final class NameTokens {
    static final int MAX_QUERY = 200;
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final String APOSTROPHES = "'’`´";
    private static final Set<String> NOISE = Set.of("the", "of", "and", "at", "for", "a", "an", "in", "on", "to",
            "dr", "doctor", "md", "do", "mbbs", "phd", "np", "pa", "dds", "dmd", "rn", "mr", "mrs", "ms",
            "inc", "llc", "pllc", "pc", "ltd", "llp", "corp", "co");
    private static final Map<String, String> SAME = Map.of("saint", "st", "mount", "mt", "centre", "center",
            "ctr", "center", "fort", "ft", "hosp", "hospital", "ste", "st", "univ", "university");

    private NameTokens() {
    }

    /** The search tokens of a name; noise words are kept only when a name has nothing else. */
    static List<String> tokens(String name) {
        if (name == null || name.isBlank()) {
            return List.of();
        }
        String text = name.length() > MAX_QUERY * 2 ? name.substring(0, MAX_QUERY * 2) : name;
        if (!text.chars().allMatch(c -> c < 128)) {
            text = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        }
        List<String> all = new ArrayList<>(6);
        List<String> kept = new ArrayList<>(6);
        StringBuilder word = new StringBuilder(16);
        for (int i = 0; i <= text.length(); i++) {
            char c = i < text.length() ? text.charAt(i) : ' ';
            if (APOSTROPHES.indexOf(c) >= 0) {
                continue;
            }
            if (c >= 'A' && c <= 'Z') {
                c = (char) (c + ('a' - 'A'));
            }
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                word.append(c);
            } else if (word.length() > 0) {
                String token = SAME.getOrDefault(word.toString(), word.toString());
                all.add(token);
                if (!NOISE.contains(token)) {
                    kept.add(token);
                }
                word.setLength(0);
            }
        }
        return kept.isEmpty() ? all : kept;
    }

    /** One string per name for equality ("St. Mary's Hospital" and "saint marys hospital" share it). */
    static String key(String name) {
        String key = String.join(" ", tokens(name));
        return key.length() > 300 ? key.substring(0, 300) : key;
    }

    /** Optimal-string-alignment distance (edits and swaps of neighbours), or {@code max + 1} when above max. */
    static int distance(String a, String b, int max) {
        if (Math.abs(a.length() - b.length()) > max) {
            return max + 1;
        }
        int[] before = new int[b.length() + 1];
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            int rowMin = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = d;
                rowMin = Math.min(rowMin, d);
            }
            if (rowMin > max) {
                return max + 1;
            }
            int[] t = before;
            before = previous;
            previous = current;
            current = t;
        }
        return Math.min(previous[b.length()], max + 1);
    }
}
