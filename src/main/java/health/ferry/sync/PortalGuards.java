package health.ferry.sync;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One SmallRye Fault Tolerance guard per portal (its FHIR origin): retries of transient failures with exponential
 * backoff, or after the portal's {@code Retry-After} when it is short enough, and a circuit breaker that stops
 * asking a portal that keeps failing for a while. Breakers live in this instance's memory.
 */
@ApplicationScoped
class PortalGuards {
    private final Map<String, Guard> guards = new ConcurrentHashMap<>();

    @ConfigProperty(name = "ferry.sync.retries", defaultValue = "3")
    int retries;
    @ConfigProperty(name = "ferry.sync.retry-delay", defaultValue = "PT1S")
    Duration retryDelay;
    @ConfigProperty(name = "ferry.sync.max-retry-after", defaultValue = "PT2M")
    Duration maxRetryAfter;
    @ConfigProperty(name = "ferry.sync.breaker.requests", defaultValue = "6")
    int breakerRequests;
    @ConfigProperty(name = "ferry.sync.breaker.delay", defaultValue = "PT5M")
    Duration breakerDelay;

    /** The guard of the portal that serves this FHIR base. */
    Guard of(URI fhirBase) {
        return guards.computeIfAbsent(origin(fhirBase), this::create);
    }

    static String origin(URI u) {
        return u.getScheme() + "://" + u.getHost() + ":" + u.getPort();
    }

    private Guard create(String origin) {
        return Guard.create().withDescription("portal " + origin)
                .withRetry().maxRetries(retries).delay(retryDelay.toMillis(), ChronoUnit.MILLIS)
                .maxDuration(retryDelay.multipliedBy(1L << Math.min(retries, 10)).plus(maxRetryAfter)
                        .multipliedBy(2).toMillis(), ChronoUnit.MILLIS)
                .whenException(this::worthRetrying)
                .withCustomBackoff().strategy(Backoff::new).done()
                .done()
                .withCircuitBreaker().when(t -> t instanceof PortalBusy).requestVolumeThreshold(breakerRequests)
                .failureRatio(1.0).successThreshold(1).delay(breakerDelay.toMillis(), ChronoUnit.MILLIS).done()
                .build();
    }

    /** Transient failures are retried, unless the portal asked for a longer pause than we wait in a run. */
    private boolean worthRetrying(Throwable t) {
        return t instanceof PortalBusy busy
                && (busy.retryAfter() == null || busy.retryAfter().compareTo(maxRetryAfter) <= 0);
    }

    /** Exponential from the configured delay; the portal's {@code Retry-After} wins when it gave one. */
    private static final class Backoff implements CustomBackoffStrategy {
        private long next;

        @Override
        public void init(long initialDelayInMillis) {
            next = initialDelayInMillis;
        }

        @Override
        public long nextDelayInMillis(Throwable cause) {
            long delay = next;
            next = Math.min(next * 2, Duration.ofMinutes(10).toMillis());
            return cause instanceof PortalBusy busy && busy.retryAfter() != null ? busy.retryAfter().toMillis()
                    : delay;
        }
    }
}
