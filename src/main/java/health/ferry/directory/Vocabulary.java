package health.ferry.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The distinct words of a name index, numbered in sorted order, found again from a query word exactly, as a
 * prefix of longer words, or within one or two typing errors (through shared trigrams, then edit distance).
 */
final class Vocabulary {
    private static final int MAX_PREFIX_WORDS = 2_000;

    /** A known word close to a query word, and how close (1 = the same). */
    record Candidate(int id, float similarity) {
    }

    private final String[] words;
    private final Map<String, Integer> ids;
    private final Map<String, int[]> trigrams;

    Vocabulary(SortedSet<String> distinct) {
        words = distinct.toArray(String[]::new);
        ids = new HashMap<>(words.length * 2);
        for (int i = 0; i < words.length; i++) {
            ids.put(words[i], i);
        }
        trigrams = trigramIndex(words);
    }

    int size() {
        return words.length;
    }

    int id(String word) {
        return ids.get(word);
    }

    /** Known words close to a query word, the closest first; the last word of a query may be two letters typed. */
    List<Candidate> candidates(String word, boolean last) {
        Map<Integer, Float> found = new LinkedHashMap<>();
        Integer exact = ids.get(word);
        if (exact != null) {
            found.put(exact, 1f);
        }
        if (word.length() >= 3 || last && word.length() >= 2) {
            int from = Arrays.binarySearch(words, word);
            from = from < 0 ? -from - 1 : from;
            for (int t = from, seen = 0; t < words.length && words[t].startsWith(word) && seen < MAX_PREFIX_WORDS;
                    t++, seen++) {
                found.merge(t, 0.7f + 0.25f * word.length() / words[t].length(), Math::max);
            }
        }
        if (word.length() >= 4) {
            typos(word, found);
        }
        List<Candidate> list = new ArrayList<>(found.size());
        found.forEach((t, s) -> list.add(new Candidate(t, s)));
        list.sort((a, b) -> Float.compare(b.similarity(), a.similarity()));
        return list;
    }

    /** Words within one edit (two for words of eight letters or more). */
    private void typos(String word, Map<Integer, Float> found) {
        int maxEdits = word.length() >= 8 ? 2 : 1;
        List<String> grams = trigramsOf(word);
        Map<Integer, Integer> shared = new HashMap<>();
        for (String gram : grams) {
            for (int t : trigrams.getOrDefault(gram, new int[0])) {
                shared.merge(t, 1, Integer::sum);
            }
        }
        // An edit changes up to three trigrams, a swap of neighbours up to four.
        int needed = Math.max(1, grams.size() - 4 * maxEdits);
        shared.forEach((t, count) -> {
            if (count >= needed && !found.containsKey(t)) {
                int d = NameTokens.distance(word, words[t], maxEdits);
                if (d <= maxEdits) {
                    found.put(t, 1f - (float) d / Math.max(word.length(), words[t].length()));
                }
            }
        });
    }

    private static Map<String, int[]> trigramIndex(String[] words) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int t = 0; t < words.length; t++) {
            if (words[t].length() >= 3) {
                for (String gram : new LinkedHashSet<>(trigramsOf(words[t]))) {
                    lists.computeIfAbsent(gram, g -> new ArrayList<>()).add(t);
                }
            }
        }
        Map<String, int[]> index = new HashMap<>(lists.size() * 2);
        lists.forEach((g, list) -> index.put(g, list.stream().mapToInt(Integer::intValue).toArray()));
        return index;
    }

    private static List<String> trigramsOf(String word) {
        String padded = "$" + word + "$";
        List<String> grams = new ArrayList<>(padded.length());
        for (int i = 0; i + 3 <= padded.length(); i++) {
            grams.add(padded.substring(i, i + 3));
        }
        return grams;
    }
}
