package health.ferry.sync;

import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Polite syncing: one {@link TokenBucket} per FHIR base URL (origin and path), shared by every sync on this
 * instance, so no portal endpoint gets more than {@code ferry.sync.requests-per-minute} requests a minute from it.
 * Every FHIR request a sync makes (capability statement, searches, page follows, retries) takes a token first. A
 * sync that would wait longer than {@code ferry.sync.rate-limit-max-wait} for one ends as {@code portal_unavailable}
 * with the time a token is free as its retry time, instead of holding a worker. Buckets live in this instance's
 * memory: with several instances, each has its own (see docs/sync.md, "Polite syncing").
 */
@Startup // created at start, so a bad setting stops start-up rather than the first sync
@ApplicationScoped
class PortalRateLimits {
    /** Waits for a request slot at one FHIR base; throws {@link SyncStopped} when the wait would be too long. */
    @FunctionalInterface
    interface Gate {
        void pass();
    }

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final int requestsPerMinute;
    private final Duration maxWait;

    @Inject
    PortalRateLimits(SyncConfig config) {
        this(config.requestsPerMinute(), config.rateLimitMaxWait());
    }

    /** Refuses a rate below 1 or a negative wait: start-up stops with the key named. */
    PortalRateLimits(int requestsPerMinute, Duration maxWait) {
        if (requestsPerMinute < 1) {
            throw new IllegalStateException("ferry.sync.requests-per-minute must be at least 1, was "
                    + requestsPerMinute);
        }
        if (maxWait.isNegative()) {
            throw new IllegalStateException("ferry.sync.rate-limit-max-wait must not be negative, was " + maxWait);
        }
        this.requestsPerMinute = requestsPerMinute;
        this.maxWait = maxWait;
    }

    /**
     * The peak requests per minute each FHIR base has had from this instance since start ({@link
     * TokenBucket#peakPerMinute}), by endpoint key: what weekly-sync benchmark 8 reports.
     */
    java.util.Map<String, Integer> peaksPerMinute() {
        java.util.Map<String, Integer> peaks = new java.util.TreeMap<>();
        buckets.forEach((key, bucket) -> peaks.put(key, bucket.peakPerMinute()));
        return peaks;
    }

    /** The configured limit, requests per minute per FHIR base. */
    int requestsPerMinute() {
        return requestsPerMinute;
    }

    /** The gate of the endpoint at this FHIR base. */
    Gate of(URI fhirBase) {
        TokenBucket bucket = buckets.computeIfAbsent(key(fhirBase),
                k -> new TokenBucket(requestsPerMinute, System::nanoTime));
        return () -> pass(bucket);
    }

    private void pass(TokenBucket bucket) {
        TokenBucket.Slot slot = bucket.reserve(maxWait);
        if (!slot.granted()) {
            // Round up to whole seconds: the retry must not come before the token.
            throw new SyncStopped(SyncFailure.PORTAL_UNAVAILABLE, Duration.ofSeconds(slot.delay().toSeconds() + 1));
        }
        if (slot.delay().isZero()) {
            return;
        }
        try {
            TimeUnit.NANOSECONDS.sleep(slot.delay().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncStopped(SyncFailure.PORTAL_UNAVAILABLE);
        }
    }

    /**
     * One endpoint: scheme and host in lower case, the port spelled out, the path without a trailing slash, no
     * query; {@code https://EHR.example/fhir/} and {@code https://ehr.example:443/fhir} share a bucket.
     */
    static String key(URI fhirBase) {
        String scheme = fhirBase.getScheme() == null ? "" : fhirBase.getScheme().toLowerCase(Locale.ROOT);
        String host = fhirBase.getHost() == null ? "" : fhirBase.getHost().toLowerCase(Locale.ROOT);
        int port = fhirBase.getPort() != -1 ? fhirBase.getPort() : "https".equals(scheme) ? 443 : 80;
        String path = fhirBase.getRawPath() == null ? "" : fhirBase.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return scheme + "://" + host + ":" + port + path;
    }
}
