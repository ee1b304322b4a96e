package health.ferry.sync;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Set;

/**
 * Sync settings (prefix {@code ferry.sync}), documented in docs/configuration.md and docs/sync.md. Durations take
 * ISO-8601 ({@code PT10M}) or the short form ({@code 10m}).
 */
@ConfigMapping(prefix = "ferry.sync")
interface SyncConfig {
    /** The weekly trigger (Quartz cron, UTC; {@code off} disables it); it only enqueues ({@link SyncSchedule}). */
    @WithDefault("0 0 0 ? * MON")
    String cron();

    /** Connections' syncs are spread over this time after the trigger (a stable hash of the connection's id). */
    @WithDefault("P7D")
    @WithConverter(DurationConverter.class)
    Duration spread();

    /** Sync worker threads per instance ({@link SyncWorkers}). */
    @WithDefault("2")
    int workers();

    /** How often the workers look for due jobs (a scheduler interval such as {@code 60s}, or {@code off}). */
    @WithDefault("60s")
    String pollEvery();

    /** A connection that has just become connected is synced at once ({@link FirstSync}). */
    @WithDefault("true")
    boolean firstSync();

    /** How long a worker's claim on a job holds without a renewal; a crashed worker's job is taken over after it. */
    @WithDefault("PT10M")
    @WithConverter(DurationConverter.class)
    Duration lease();

    /** Runs of one job before it ends with its last failure. */
    @WithDefault("4")
    int maxAttempts();

    /** Wait before a failed job's first retry; doubled for each further one (at least the portal's Retry-After). */
    @WithDefault("PT15M")
    @WithConverter(DurationConverter.class)
    Duration jobRetryBackoff();

    /** Retries of one FHIR request within a run when the portal is busy or unreachable ({@link PortalGuards}). */
    @WithDefault("3")
    int retries();

    /** Wait before the first such retry; doubled for each further one (at most ten minutes). */
    @WithDefault("PT1S")
    @WithConverter(DurationConverter.class)
    Duration retryDelay();

    /** The longest Retry-After a run waits out itself; a longer one ends the run and the job is retried later. */
    @WithDefault("PT2M")
    @WithConverter(DurationConverter.class)
    Duration maxRetryAfter();

    /** The per-portal circuit breaker. */
    Breaker breaker();

    /** DocumentReference attachments a sync fetches ({@link DocumentAttachments}). */
    Attachments attachments();

    /** Searches changed since the last successful sync reach back this much further (clock differences). */
    @WithDefault("PT5M")
    @WithConverter(DurationConverter.class)
    Duration incrementalOverlap();

    /** At most this many FHIR requests a minute to one FHIR base from this instance ({@link PortalRateLimits}). */
    @WithDefault("250")
    int requestsPerMinute();

    /** A run that would wait longer for a request slot ends {@code portal_unavailable}; keep it under the lease. */
    @WithDefault("PT5M")
    @WithConverter(DurationConverter.class)
    Duration rateLimitMaxWait();

    /** How long a run waits for the database when it drops under it, before it gives the job back. */
    @WithDefault("PT10M")
    @WithConverter(DurationConverter.class)
    Duration outageWait();

    /** Most search pages followed for one resource type in one run. */
    @WithName("max-pages-per-type")
    @WithDefault("200")
    int maxPagesPerType();

    /** Largest search page accepted from a portal, in bytes. */
    @WithDefault("8388608")
    int maxPageBytes();

    /** Resources asked for per search page ({@code _count}). */
    @WithDefault("100")
    int pageSize();

    /** How long one FHIR request may take. */
    @WithDefault("PT30S")
    @WithConverter(DurationConverter.class)
    Duration timeout();

    /** Least time between two "sync now" requests for one connection. */
    @WithDefault("PT1M")
    @WithConverter(DurationConverter.class)
    Duration nowCooldown();

    /** At start-up and then now and then, a weekly slot no instance enqueued is enqueued ({@link SyncCatchUp}). */
    @WithDefault("true")
    boolean catchUp();

    /** How long after start-up the catch-up runs. */
    @WithDefault("10s")
    @WithConverter(DurationConverter.class)
    Duration catchUpDelay();

    /** How often the catch-up runs after that (a scheduler interval, or {@code off}). */
    @WithDefault("1h")
    String catchUpEvery();

    /** Stops asking a portal that keeps failing, for a while; breakers live in each instance's memory. */
    interface Breaker {
        /** Consecutive failed requests to one portal that open its breaker. */
        @WithDefault("6")
        int requests();

        /** How long an open breaker stays open before one request may try again. */
        @WithDefault("PT5M")
        @WithConverter(DurationConverter.class)
        Duration delay();
    }

    /** DocumentReference attachments: each Binary (or inline data) within a cap, a run within a total, known types. */
    interface Attachments {
        /** The most bytes one attachment may have. */
        @WithDefault("20971520")
        int maxBytes();

        /** The most bytes of attachments one sync run fetches; the rest wait for a later run. */
        @WithDefault("104857600")
        long maxTotalBytes();

        /** The content types kept (documents Supporting Documents can read); anything else is {@code wrong_type}. */
        @WithDefault("application/pdf,text/plain,text/html,text/rtf,application/rtf,application/xml,text/xml,"
                + "image/jpeg,image/png,image/tiff")
        Set<String> types();
    }
}
