package health.ferry.jobs;

import java.time.Duration;
import java.util.Objects;

/**
 * The one exponential backoff of Ferry's retries (upload jobs, sync jobs, a sync run's requests to a portal): the
 * first wait, doubled after each further failure, never longer than the ceiling. A longer wait a server asked for
 * ({@code Retry-After}) is the caller's to honour through {@link #atLeast}.
 */
public record Backoff(Duration first, Duration ceiling) {
    public Backoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(ceiling, "ceiling");
        if (first.isNegative() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("a backoff needs 0 <= first <= ceiling, got " + first + " and "
                    + ceiling);
        }
    }

    /** The wait before attempt {@code retry} (1 for the first retry): first × 2^(retry − 1), at most the ceiling. */
    public Duration before(int retry) {
        if (retry < 1) {
            throw new IllegalArgumentException("retries count from 1, got " + retry);
        }
        if (first.isZero()) {
            return first;
        }
        // Stop doubling once the ceiling is passed; 62 doublings would overflow a long.
        Duration wait = first;
        for (int i = 1; i < retry && wait.compareTo(ceiling) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(ceiling) > 0 ? ceiling : wait;
    }

    /** {@link #before} this retry, or the server's {@code asked} wait when that is longer (null: none asked). */
    public Duration atLeast(int retry, Duration asked) {
        Duration wait = before(retry);
        return asked != null && asked.compareTo(wait) > 0 ? asked : wait;
    }
}
