package health.ferry.directory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An in-memory index of names (organisations, aliases, portals, doctors) pointing at portal ordinals. A query
 * matches word by word in any order: each word exactly, as a prefix, or within one or two typing errors; rare
 * words weigh more than common ones ("Bronson" more than "Health").
 */
final class NameIndex {
    static final float MIN_SCORE = 0.4f;
    private static final int MAX_PREFIX_TOKENS = 2_000;

    private final String[] vocabulary;
    private final Map<String, Integer> tokenIds;
    private final int[][] postings;
    private final float[] weights;
    private final Map<String, int[]> trigrams;
    private final int[][] entryPortals;
    private final int[] entryLengths;
    private final int portalCount;
    private final float unknownWeight;

    private record Candidate(int token, float similarity) {
    }

    private NameIndex(Builder b) {
        TreeSet<String> sorted = new TreeSet<>();
        b.entries.keySet().forEach(e -> sorted.addAll(Arrays.asList(e.split(" "))));
        vocabulary = sorted.toArray(String[]::new);
        tokenIds = new HashMap<>(vocabulary.length * 2);
        for (int i = 0; i < vocabulary.length; i++) {
            tokenIds.put(vocabulary[i], i);
        }
        int entries = b.entries.size();
        entryPortals = new int[entries][];
        entryLengths = new int[entries];
        List<List<Integer>> lists = new ArrayList<>(vocabulary.length);
        for (int i = 0; i < vocabulary.length; i++) {
            lists.add(new ArrayList<>(2));
        }
        int e = 0;
        for (Map.Entry<String, Set<Integer>> entry : b.entries.entrySet()) {
            Set<Integer> tokens = new LinkedHashSet<>();
            for (String token : entry.getKey().split(" ")) {
                tokens.add(tokenIds.get(token));
            }
            for (int token : tokens) {
                lists.get(token).add(e);
            }
            entryLengths[e] = tokens.size();
            entryPortals[e++] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
        }
        postings = new int[vocabulary.length][];
        weights = new float[vocabulary.length];
        for (int t = 0; t < vocabulary.length; t++) {
            postings[t] = lists.get(t).stream().mapToInt(Integer::intValue).toArray();
            weights[t] = (float) Math.log(1 + (double) entries / postings[t].length);
        }
        trigrams = trigramIndex(vocabulary);
        portalCount = b.portalCount;
        unknownWeight = (float) Math.log(1 + (double) Math.max(1, entries));
    }

    int entryCount() {
        return entryPortals.length;
    }

    /** The portals whose names match the query, best first; nothing for an empty query. */
    RankedPortals search(String query) {
        List<String> words = NameTokens.tokens(query);
        if (words.isEmpty() || entryPortals.length == 0) {
            return RankedPortals.NONE;
        }
        int n = entryPortals.length;
        float[] total = new float[n];
        short[] matched = new short[n];
        float[] wordBest = new float[n];
        int[] touched = new int[64];
        int touchedCount = 0;
        int[] wordTouched = new int[64];
        float possible = 0;
        for (int w = 0; w < words.size(); w++) {
            List<Candidate> candidates = candidates(words.get(w), w == words.size() - 1);
            float weight = weightOf(candidates);
            possible += weight;
            int wordCount = 0;
            for (Candidate c : candidates) {
                for (int entry : postings[c.token()]) {
                    if (c.similarity() > wordBest[entry]) {
                        if (wordBest[entry] == 0) {
                            wordTouched = grow(wordTouched, wordCount);
                            wordTouched[wordCount++] = entry;
                        }
                        wordBest[entry] = c.similarity();
                    }
                }
            }
            for (int i = 0; i < wordCount; i++) {
                int entry = wordTouched[i];
                if (matched[entry] == 0) {
                    touched = grow(touched, touchedCount);
                    touched[touchedCount++] = entry;
                }
                total[entry] += wordBest[entry] * weight;
                matched[entry]++;
                wordBest[entry] = 0;
            }
        }
        return rank(total, matched, touched, touchedCount, possible);
    }

    private RankedPortals rank(float[] total, short[] matched, int[] touched, int count, float possible) {
        float[] best = new float[portalCount];
        int[] portals = new int[Math.max(16, count)];
        int portalHits = 0;
        for (int i = 0; i < count; i++) {
            int entry = touched[i];
            float coverage = Math.min(1f, matched[entry] / (float) entryLengths[entry]);
            float score = total[entry] / possible * (0.8f + 0.2f * coverage);
            if (score < MIN_SCORE) {
                continue;
            }
            for (int portal : entryPortals[entry]) {
                if (score > best[portal]) {
                    if (best[portal] == 0) {
                        portals = grow(portals, portalHits);
                        portals[portalHits++] = portal;
                    }
                    best[portal] = score;
                }
            }
        }
        RankedPortals.Builder ranked = new RankedPortals.Builder(portalHits);
        for (int i = 0; i < portalHits; i++) {
            ranked.add(portals[i], best[portals[i]]);
        }
        return ranked.build();
    }

    /** How much a query word weighs: its own rarity when known, else the rarest possible (it matches nothing). */
    private float weightOf(List<Candidate> candidates) {
        return candidates.isEmpty() ? unknownWeight : weights[candidates.get(0).token()];
    }

    /** Known words close to a query word, the closest first: itself, words it starts, words a typo or two off. */
    private List<Candidate> candidates(String word, boolean last) {
        Map<Integer, Float> found = new LinkedHashMap<>();
        Integer exact = tokenIds.get(word);
        if (exact != null) {
            found.put(exact, 1f);
        }
        if (word.length() >= 3 || last && word.length() >= 2) {
            int from = Arrays.binarySearch(vocabulary, word);
            from = from < 0 ? -from - 1 : from;
            for (int t = from, seen = 0; t < vocabulary.length && vocabulary[t].startsWith(word)
                    && seen < MAX_PREFIX_TOKENS; t++, seen++) {
                found.merge(t, 0.7f + 0.25f * word.length() / vocabulary[t].length(), Math::max);
            }
        }
        if (word.length() >= 4) {
            fuzzy(word, found);
        }
        List<Candidate> list = new ArrayList<>(found.size());
        found.forEach((t, s) -> list.add(new Candidate(t, s)));
        list.sort((a, b) -> Float.compare(b.similarity(), a.similarity()));
        return list;
    }

    /** Words within one edit (two for words of eight letters or more), found through shared trigrams. */
    private void fuzzy(String word, Map<Integer, Float> found) {
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
                String other = vocabulary[t];
                int d = NameTokens.distance(word, other, maxEdits);
                if (d <= maxEdits) {
                    found.put(t, 1f - (float) d / Math.max(word.length(), other.length()));
                }
            }
        });
    }

    private static Map<String, int[]> trigramIndex(String[] vocabulary) {
        Map<String, List<Integer>> lists = new HashMap<>();
        for (int t = 0; t < vocabulary.length; t++) {
            if (vocabulary[t].length() >= 3) {
                for (String gram : new LinkedHashSet<>(trigramsOf(vocabulary[t]))) {
                    lists.computeIfAbsent(gram, g -> new ArrayList<>()).add(t);
                }
            }
        }
        Map<String, int[]> index = new HashMap<>(lists.size() * 2);
        lists.forEach((g, ids) -> index.put(g, ids.stream().mapToInt(Integer::intValue).toArray()));
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

    private static int[] grow(int[] array, int size) {
        return size < array.length ? array : Arrays.copyOf(array, array.length * 2);
    }

    /** Collects names with the portals they lead to; equal names (by token key) share one entry. */
    static final class Builder {
        private final Map<String, Set<Integer>> entries = new LinkedHashMap<>();
        private final int portalCount;

        Builder(int portalCount) {
            this.portalCount = portalCount;
        }

        Builder add(String name, int portal) {
            String key = NameTokens.key(name);
            if (!key.isEmpty()) {
                entries.computeIfAbsent(key, k -> new LinkedHashSet<>(2)).add(portal);
            }
            return this;
        }

        NameIndex build() {
            return new NameIndex(this);
        }
    }
}
