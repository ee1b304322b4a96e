package health.ferry.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The sandbox's FHIR request limit ({@code ferry.sandbox.fhir-requests-per-minute}, off when 0): a request past the
 * limit in the last rolling minute is refused 429 with {@code Retry-After} and not counted against the window. Keeps
 * how many were served and refused, so tests ({@code SandboxLimits}) can show that Ferry's syncs stay under a portal's limit.
 */
@ApplicationScoped
class SandboxRateLimit {
    private static final long MINUTE = Duration.ofMinutes(1).toNanos();

    private final Deque<Long> served = new ArrayDeque<>();
    private long servedTotal;
    private long refusedTotal;

    @Inject
    SandboxConfig config;

    /** Counts one FHIR request; throws the 429 when it is one too many. */
    synchronized void count() {
        int limit = config.fhirRequestsPerMinute();
        if (limit <= 0) {
            return;
        }
        long now = System.nanoTime();
        while (!served.isEmpty() && now - served.peekFirst() >= MINUTE) {
            served.removeFirst();
        }
        if (served.size() >= limit) {
            refusedTotal++;
            long free = MINUTE - (now - served.peekFirst());
            throw FhirError.tooMany((int) Math.max(1, Duration.ofNanos(free).toSeconds() + 1));
        }
        served.addLast(now);
        servedTotal++;
    }

    /** FHIR requests served under the limit since the last {@link #reset()}. */
    synchronized long served() {
        return servedTotal;
    }

    /** FHIR requests answered 429 since the last {@link #reset()}. */
    synchronized long refused() {
        return refusedTotal;
    }

    /** Forgets the window and the counts (tests: after setting up connections, before the syncs under test). */
    synchronized void reset() {
        served.clear();
        servedTotal = 0;
        refusedTotal = 0;
    }
}
