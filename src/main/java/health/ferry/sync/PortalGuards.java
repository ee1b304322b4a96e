package health.ferry.sync;

import health.ferry.jobs.Backoff;
import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One SmallRye Fault Tolerance guard per portal (its FHIR origin): retries of transient failures with exponential
 * backoff, or after the portal's {@code Retry-After} when it is short enough, and a circuit breaker that stops
 * asking a portal that keeps failing for a while. Breakers live in this instance's memory.
 */
@ApplicationScoped
class PortalGuards {
    @Inject
    SyncConfig config;
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();


    /** The guard of the portal that serves this FHIR base. */
    Guard of(URI fhirBase) {
        return guards.computeIfAbsent(origin(fhirBase), this::create);
    }

    static String origin(URI u) {
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }

    private Guard create(String origin) {
        Duration delay = config.retryDelay();
        int retries = config.retries();
        // Room for every backoff wait of a call (their sum stays under the next doubling) and a Retry-After, twice.
        Duration longest = delay.multipliedBy(1L << Math.min(retries, 10)).plus(config.maxRetryAfter()).multipliedBy(2);
        return Guard.create().withDescription("portal " + origin)
                .withRetry().maxRetries(retries).delay(delay.toMillis(), ChronoUnit.MILLIS)
                .maxDuration(longest.toMillis(), ChronoUnit.MILLIS)
                .whenException(this::worthRetrying)
                .withCustomBackoff().strategy(RetryDelays::new).done()
                .done()
                .withCircuitBreaker().when(t -> t instanceof PortalBusy)
                .requestVolumeThreshold(config.breaker().requests()).failureRatio(1.0).successThreshold(1)
                .delay(config.breaker().delay().toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }

    /** Transient failures are retried, unless the portal asked for a longer pause than we wait in a run. */
    private boolean worthRetrying(Throwable t) {
        return t instanceof PortalBusy busy
                && (busy.retryAfter() == null || busy.retryAfter().compareTo(config.maxRetryAfter()) <= 0);
    }

    /** Exponential from the configured delay ({@link Backoff}); a {@code Retry-After} the portal gave wins. */
    private static final class RetryDelays implements CustomBackoffStrategy {
        private static final Duration CEILING = Duration.ofMinutes(10);
        private Backoff backoff;
        private int retry;

        @Override
        public void init(long initialDelayInMillis) {
            Duration first = Duration.ofMillis(initialDelayInMillis);
            backoff = new Backoff(first, first.compareTo(CEILING) > 0 ? first : CEILING);
            retry = 0;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            retry++;
            return cause instanceof PortalBusy busy && busy.retryAfter() != null ? busy.retryAfter().toMillis()
                    : backoff.before(retry).toMillis();
        }
    }
}
