package health.ferry.sync;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import health.ferry.BenchResults;
import health.ferry.connections.ConnectionClones;
import health.ferry.connections.PortalAccess;
import health.ferry.connections.SandboxConnections;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 8 (docs/benchmarks.md): the weekly sync of 1,000 and then 10,000 connected sandbox connections, through
 * the production path. {@link SyncSchedule#enqueue} (the weekly trigger's body) queues one job per connected
 * connection; with {@code ferry.sync.spread} at one second every job is due at once, and the real
 * {@link SyncWorkers} (woken by their poller every second, {@code ferry.sync.workers} threads) claim and run them.
 * Timed from the enqueue until every job of the period is done; then every connection must have exactly one run,
 * ending {@code new_records} or {@code no_new_records}.
 *
 * <p>Seeding: {@code bench.sync.seeds} (3) real connections through the wizard API (the sandbox's {@code demo}
 * account, the demo chart, ~290 records), their first sync a real import ("sync now"); the rest are clones of them
 * ({@link ConnectionClones}: own person, secrets sealed by the vault for their own row, their own portal session,
 * the seed's records copied in SQL, a completed sync a week old). So each weekly run is what it is in production a
 * week after connecting: incremental {@code _lastUpdated} reads of charts already imported. PostgreSQL only.
 */
@QuarkusTest
@TestProfile(WeeklySyncBenchmark.AllDueAtOnce.class)
class WeeklySyncBenchmark {
    private static final Logger LOG = Logger.getLogger(WeeklySyncBenchmark.class);
    private static final int SEEDS = Integer.getInteger("bench.sync.seeds", 3);
    private static final int SMALL = Integer.getInteger("bench.sync.small", 1_000);
    /** 0 runs the small size only (for trying worker counts). */
    private static final int LARGE = Integer.getInteger("bench.sync.large", 10_000);
    private static final int BATCH = 250;
    /** FHIR endpoints the clones are spread over (round-robin): the sandbox at 127.0.0.1 … 127.0.0.{n}. */
    private static final int ENDPOINTS = Integer.getInteger("bench.sync.portals", 100);
    private static final Duration RUN_LIMIT = Duration.ofMinutes(Integer.getInteger("bench.sync.limit-minutes", 180));

    /**
     * The production settings, but every job due at once and the workers polling every second; the production rate
     * limit (250 requests a minute per FHIR base; the test profile lifts it); the server listening on every
     * loopback address and Ferry allowed to reach them, so the sandbox is {@link #ENDPOINTS} FHIR endpoints.
     */
    public static class AllDueAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new LinkedHashMap<>(Map.of("ferry.sync.spread", "PT1S",
                    "ferry.sync.poll-every", "1s", "ferry.sync.workers", System.getProperty("bench.sync.workers",
                            "2"), "ferry.sync.retry-delay", "PT1S", "ferry.sync.breaker.delay", "PT5M",
                    "ferry.sync.requests-per-minute", "250", "quarkus.http.host", "0.0.0.0"));
            StringBuilder hosts = new StringBuilder("localhost");
            for (int i = 1; i <= ENDPOINTS; i++) {
                hosts.append(",127.0.0.").append(i);
            }
            config.put("ferry.outbound.allow-hosts", hosts.toString());
            return config;
        }
    }

    /**
     * One timed weekly run; {@code peaks}: the rate limiter's peak requests in any minute per FHIR endpoint since
     * start (so the second run's include the first's).
     */
    record Run(int connections, double seconds, Map<String, Integer> outcomes, String loadBefore, String loadAfter,
            List<String> perThousand, Map<String, Integer> peaks) {
        double perConnectionMs() {
            return seconds * 1000 / connections;
        }
    }

    @Inject
    SyncSchedule schedule;
    @Inject
    PortalAccess access;
    @Inject
    SyncHistory history;
    @Inject
    AgroalDataSource db;
    @Inject
    Clock clock;
    @ConfigProperty(name = "ferry.sync.workers")
    int workers;
    @Inject
    PortalRateLimits rateLimits;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    @Test
    void weeklySyncOf1000And10000Connections() {
        assumeTrue(dbKind.startsWith("postgres"), "the weekly sync benchmark seeds PostgreSQL in SQL");
        long seedStart = System.nanoTime();
        Instant weekAgo = clock.instant().minus(Duration.ofDays(7));
        List<UUID> seeds = new ArrayList<>();
        for (int i = 0; i < SEEDS; i++) {
            String person = SandboxConnections.ward("erin", "Weekly seed " + i, "1980-01-0" + (1 + i % 9));
            String connection = SandboxConnections.connected("erin", person, "demo");
            // Connecting does not sync; the participant's "sync now" imports the chart (the real first import).
            as("erin").contentType(ContentType.JSON).post("/api/v1/connections/" + connection + "/sync").then()
                    .statusCode(202);
            UUID id = UUID.fromString(connection);
            settled(id);
            ConnectionClones.backdateRuns(id, weekAgo);
            seeds.add(id);
        }
        int chart = count("select count(*) from health_record where source_id = ?", seeds.get(0));
        assertTrue(chart > 200, "the seed's first sync imported the demo chart: " + chart);
        UUID account = ConnectionClones.benchAccount("weekly-sync", clock.instant());
        int made = seeds.size();
        made += clone(seeds, account, made, SMALL - made, weekAgo);
        double seedSmall = (System.nanoTime() - seedStart) / 1e9;
        assertEquals(SMALL, access.connectedIds().size(), "connected connections before the first run");
        Run small = weeklyRun(SMALL);

        Run large = null;
        double seedLarge = 0;
        if (LARGE > SMALL) {
            long t = System.nanoTime();
            made += clone(seeds, account, made, LARGE - made, weekAgo);
            seedLarge = (System.nanoTime() - t) / 1e9;
            assertEquals(LARGE, access.connectedIds().size(), "connected connections before the second run");
            large = weeklyRun(LARGE);
        }
        report(small, large, chart, seedSmall, seedLarge);
    }

    /** Clones round-robin over the seeds; answers how many. */
    private int clone(List<UUID> seeds, UUID account, int first, int count, Instant lastSyncAt) {
        int perSeed = (count + seeds.size() - 1) / seeds.size();
        int done = 0;
        for (UUID seed : seeds) {
            int n = Math.min(perSeed, count - done);
            if (n <= 0) {
                break;
            }
            ConnectionClones.of(seed, account, first + done, n, BATCH, lastSyncAt,
                    number -> "127.0.0." + (1 + number % ENDPOINTS));
            done += n;
            LOG.infof("weekly bench: %d of %d clones", done, count);
        }
        return done;
    }

    /** The weekly trigger's body for a new period, then waits until the workers have done every job. */
    private Run weeklyRun(int expected) {
        String loadBefore = loadAverage();
        Instant period = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        long t0 = System.nanoTime();
        int queued = schedule.enqueue(period);
        assertEquals(expected, queued, "jobs queued");
        long deadline = t0 + RUN_LIMIT.toNanos();
        int done = 0;
        long lastLog = 0;
        while (done < queued) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("weekly run of " + expected + " not done after " + RUN_LIMIT + ": " + done);
            }
            sleep(500);
            done = count("select count(*) from sync_job where period_start = ? and state = 'done'", period);
            if (System.nanoTime() - lastLog > 30e9) {
                lastLog = System.nanoTime();
                LOG.infof("weekly bench: %d of %d jobs done after %.0f s", done, queued, (lastLog - t0) / 1e9);
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        String loadAfter = loadAverage();
        Map<String, Integer> outcomes = outcomes(period);
        assertEquals(Map.of(), failedJobs(period), "jobs that failed or were retried");
        assertEquals(expected, count("select count(distinct r.connection_id) from sync_run r join sync_job j"
                + " on j.sync_run_id = r.id where j.period_start = ?", period), "connections synced");
        assertEquals(0, count("select count(*) from (select connection_id from sync_run where started_at >= ?"
                + " group by connection_id having count(*) <> 1) twice", period), "connections synced more than once");
        int ok = outcomes.getOrDefault("new_records", 0) + outcomes.getOrDefault("no_new_records", 0);
        assertEquals(expected, ok, "runs that ended new_records/no_new_records: " + outcomes);
        LOG.infof("weekly bench: %d connections in %.1f s (%.1f ms each), %s", expected, seconds,
                seconds * 1000 / expected, outcomes);
        List<String> perThousand = new ArrayList<>();
        grouped("select ((k - 1) / 1000)::text, (1000 * extract(epoch from max(finished_at) - min(finished_at)))::int"
                + " from (select r.finished_at, row_number() over (order by r.finished_at) k from sync_job j join"
                + " sync_run r on r.id = j.sync_run_id where j.period_start = ?) runs group by 1 order by 1::int",
                period).values().forEach(ms -> perThousand.add(BenchResults.fmt(ms / 1000.0)));
        Map<String, Integer> peaks = rateLimits.peaksPerMinute();
        int limit = rateLimits.requestsPerMinute();
        assertEquals(250, limit, "the production limit");
        peaks.forEach((endpoint, peak) -> assertTrue(peak <= limit, endpoint + " had " + peak + " requests in a minute"));
        assertTrue(peaks.size() >= Math.min(ENDPOINTS, expected), "endpoints used: " + peaks.size());
        LOG.infof("weekly bench: peak requests a minute per endpoint: %s", peakSummary(peaks));
        return new Run(expected, seconds, outcomes, loadBefore, loadAfter, perThousand, peaks);
    }

    /** The peaks over the endpoints: how many, the highest (and where), the median and the lowest. */
    static String peakSummary(Map<String, Integer> peaks) {
        List<Integer> sorted = peaks.values().stream().sorted().toList();
        Map.Entry<String, Integer> top = peaks.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow();
        return String.format(Locale.ROOT, "%d endpoints; highest %d/min (%s), median %d/min, lowest %d/min",
                peaks.size(), top.getValue(), top.getKey(), sorted.get(sorted.size() / 2), sorted.get(0));
    }

    private void report(Run small, Run large, int chart, double seedSmall, double seedLarge) {
        String method = String.format(Locale.ROOT, "SyncSchedule.enqueue + %d SyncWorkers, all due at once", workers);
        List<String> rows = new ArrayList<>();
        String when = java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        if (large == null) {
            rows.add(String.format(Locale.ROOT, "| 8 | Weekly sync, %d connections (%s; %s) | %s s (%.0f ms each) | — |"
                    + " — | 10,000 < 60 min, linear | not run at 10,000 |", small.connections(), method, when,
                    BenchResults.fmt(small.seconds()), small.perConnectionMs()));
        } else {
            double growth = large.perConnectionMs() / small.perConnectionMs();
            double minutes = large.seconds() / 60 * 10_000.0 / large.connections();
            rows.add(String.format(Locale.ROOT, "| 8 | Weekly sync, %d vs %d connections (%s; %s) | %d: %.1f min (%.0f"
                    + " ms each) | %d: %s s (%.0f ms each) | %.2f× per connection | 10,000 < 60 min and linear"
                    + " (≈1×) | %s |", large.connections(), small.connections(), method, when, large.connections(),
                    large.seconds() / 60, large.perConnectionMs(), small.connections(),
                    BenchResults.fmt(small.seconds()), small.perConnectionMs(), growth,
                    minutes < 60 && growth <= 1.2 ? String.format(Locale.ROOT, "yes (%.0f× under)", 60 / minutes)
                            : "**no**"));
        }
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "%d seeds connected through the wizard (demo chart, %d "
                + "records, real first import), the rest cloned in SQL with vault-sealed secrets and own sandbox "
                + "sessions, last sync a week ago; seeding %.0f s (1st size) + %.0f s (2nd). Outcomes: %s%s. Load "
                + "average before/after: %s / %s%s.", SEEDS, chart, seedSmall, seedLarge, small.outcomes(),
                large == null ? "" : " / " + large.outcomes(), small.loadBefore(), small.loadAfter(),
                large == null ? "" : "; " + large.loadBefore() + " / " + large.loadAfter()));
        notes.add("Peak requests in any minute per FHIR endpoint (the rate limiter's own count, "
                + "`PortalRateLimits.peaksPerMinute`; limit 250/min), after the " + small.connections() + " run: "
                + peakSummary(small.peaks()) + (large == null ? "" : "; after the " + large.connections() + " run: "
                        + peakSummary(large.peaks())) + ".");
        if (large != null) {
            notes.add("Seconds per 1,000 runs within the " + large.connections() + " run (first to last finish of"
                    + " each thousand, in finishing order): " + String.join(" ", large.perThousand())
                    + "; the " + small.connections() + " run: " + String.join(" ", small.perThousand()) + ".");
        }
        BenchResults.record("8-weekly-sync", rows, notes);
        LOG.infof("weekly bench: %s", rows);
    }

    private Map<String, Integer> outcomes(Instant period) {
        return grouped("select coalesce(r.outcome, 'unfinished'), count(*) from sync_job j left join sync_run r"
                + " on r.id = j.sync_run_id where j.period_start = ? group by 1 order by 1", period);
    }

    private Map<String, Integer> failedJobs(Instant period) {
        return grouped("select coalesce(last_error, 'retried'), count(*) from sync_job where period_start = ?"
                + " and (last_error is not null or attempts <> 1) group by 1", period);
    }

    /** A query's (key, count) rows. */
    private Map<String, Integer> grouped(String sql, Instant period) {
        Map<String, Integer> out = new LinkedHashMap<>();
        query(sql, period, rs -> out.put(rs.getString(1), rs.getInt(2)));
        return out;
    }

    private int count(String sql, Object parameter) {
        int[] n = new int[1];
        query(sql, parameter, rs -> n[0] = rs.getInt(1));
        return n[0];
    }

    private interface Row {
        void accept(ResultSet rs) throws SQLException;
    }

    private void query(String sql, Object parameter, Row row) {
        try (java.sql.Connection c = db.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, parameter instanceof Instant at ? Timestamp.from(at) : parameter);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.accept(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits for the seed's first sync (the real import of its chart). */
    private void settled(UUID connection) {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            if (history.lastSync(connection).map(s -> s.finishedAt() != null).orElse(false)) {
                String outcome = history.lastSync(connection).orElseThrow().outcome();
                assertEquals("new_records", outcome, "the seed's first sync");
                return;
            }
            sleep(200);
        }
        throw new AssertionError("first sync of " + connection + " did not finish");
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "?";
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted");
        }
    }
}
