package health.ferry.directory;

import java.util.Arrays;

/**
 * Portal ordinals ranked best first. Each ordinal and its score share one {@code long} (score high, ordinal low),
 * so ranking is a primitive sort, and equal scores fall in ordinal order, which is name order.
 */
final class RankedPortals {
    static final RankedPortals NONE = new RankedPortals(new long[0], 0);
    private static final long SCALE = 1_000_000L;

    private final long[] keys;
    private final int size;

    private RankedPortals(long[] keys, int size) {
        this.keys = keys;
        this.size = size;
    }

    int size() {
        return size;
    }

    int ordinal(int rank) {
        return (int) keys[rank];
    }

    float score(int rank) {
        return (Integer.MAX_VALUE - (int) (keys[rank] >>> 32)) / (float) SCALE;
    }

    /** Collects ordinals with their scores (at most one score per ordinal), then ranks them. */
    static final class Builder {
        private long[] keys;
        private int size;

        Builder(int expected) {
            keys = new long[Math.max(16, expected)];
        }

        void add(int ordinal, float score) {
            if (size == keys.length) {
                keys = Arrays.copyOf(keys, size * 2);
            }
            long scaled = Math.max(0, Math.min(Integer.MAX_VALUE, Math.round(score * SCALE)));
            keys[size++] = ((Integer.MAX_VALUE - scaled) << 32) | ordinal;
        }

        RankedPortals build() {
            if (size == 0) {
                return NONE;
            }
            Arrays.sort(keys, 0, size);
            return new RankedPortals(keys, size);
        }
    }
}
