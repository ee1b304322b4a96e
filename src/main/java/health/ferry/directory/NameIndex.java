package health.ferry.directory;

import java.util.ArrayList;
import java.util.Arrays;
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

    private final Vocabulary vocabulary;
    private final int[][] postings;
    private final float[] weights;
    private final int[][] entryPortals;
    private final int[] entryLengths;
    private final int portalCount;
    private final float unknownWeight;

    private NameIndex(Builder b) {
        TreeSet<String> distinct = new TreeSet<>();
        b.entries.keySet().forEach(e -> distinct.addAll(Arrays.asList(e.split(" "))));
        vocabulary = new Vocabulary(distinct);
        int entries = b.entries.size();
        entryPortals = new int[entries][];
        entryLengths = new int[entries];
        List<List<Integer>> lists = new ArrayList<>(vocabulary.size());
        for (int i = 0; i < vocabulary.size(); i++) {
            lists.add(new ArrayList<>(2));
        }
        int e = 0;
        for (Map.Entry<String, Set<Integer>> entry : b.entries.entrySet()) {
            Set<Integer> tokens = new LinkedHashSet<>();
            for (String token : entry.getKey().split(" ")) {
                tokens.add(vocabulary.id(token));
            }
            for (int token : tokens) {
                lists.get(token).add(e);
            }
            entryLengths[e] = tokens.size();
            entryPortals[e++] = entry.getValue().stream().mapToInt(Integer::intValue).toArray();
        }
        postings = new int[vocabulary.size()][];
        weights = new float[vocabulary.size()];
        for (int t = 0; t < postings.length; t++) {
            postings[t] = lists.get(t).stream().mapToInt(Integer::intValue).toArray();
            weights[t] = (float) Math.log(1 + (double) entries / postings[t].length);
        }
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
            List<Vocabulary.Candidate> candidates = vocabulary.candidates(words.get(w), w == words.size() - 1);
            // A word weighs its own rarity when known, else the rarest possible (it matches nothing).
            float weight = candidates.isEmpty() ? unknownWeight : weights[candidates.get(0).id()];
            possible += weight;
            int wordCount = 0;
            for (Vocabulary.Candidate c : candidates) {
                for (int entry : postings[c.id()]) {
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

    /** Scores entries (words matched, a little for how much of the name they cover); keeps each portal's best. */
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
