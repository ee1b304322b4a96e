package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The weekly sync on two packaged Ferry processes sharing one PostgreSQL database (issue 7): the trigger fires on
 * both at the same scheduled time, each connection is synced exactly once per period, and when one instance is
 * SIGKILLed while it holds sync leases the other takes the jobs over after the lease and finishes them, with no
 * record lost or duplicated.
 *
 * <p>For the proof the "weekly" trigger fires every minute ({@code ferry.sync.cron=0 * * * * ?}) with no spread, so
 * every queued job is due at once on both instances; workers poll every second and leases last 15 s. The sandbox
 * portal (same app) is served by instance A only, because its sign-in sessions live in memory: both instances'
 * directory entries and the credential platform point at A, and B is the one killed. Its page size is small
 * ({@code ferry.sync.page-size=10}) so a first sync of the synthetic chart takes many requests: a kill then lands
 * mid-run.
 */
@Tag("proofs")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WeeklySyncProof {
    private static final int CONNECTIONS = 24;
    private static final int FRESH = 8;
    private static final Pattern PERIOD = Pattern.compile("sync period (\\S+): (\\d+) connections queued");
    private static final Pattern RUN = Pattern.compile(
            "sync ([0-9a-f-]{36}) of connection ([0-9a-f-]{36}): (\\w+), \\d+ new");

    private ProofDatabase db;
    private KeycloakServer keycloak;
    private FerryInstance a;
    private FerryInstance b;
    private final List<String> connections = new ArrayList<>();
    /** Records each connection holds after its first full sync: the synthetic chart is the same for all. */
    private long chart;

    @BeforeAll
    void startCluster() throws Exception {
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        keycloak = KeycloakServer.shared("http://localhost:" + Prerequisites.port(10));
        db = new ProofDatabase("sync");
        Path uploads = Files.createDirectories(Processes.LOGS.resolve("sync-uploads-" + UUID.randomUUID()));
        String portal = "http://localhost:" + Prerequisites.port(10);
        FerryInstance.Cluster cluster = new FerryInstance.Cluster(keycloak, db, uploads)
                .property("ferry.sandbox.enabled", "true")
                .property("ferry.sandbox.base-url", portal)
                // The sandbox is Ferry itself on localhost: prod refuses internal addresses unless a host is allowed.
                .property("ferry.outbound.allow-hosts", "localhost")
                .property("ferry.connections.credential-platforms.\"mychart.sandbox-general.example\"",
                        portal + "/sandbox/api/sessions")
                // The proof is about the weekly trigger's jobs: a connection's first sync (on by default, right after
                // connecting) would do the full read that a kill must land in, and leave the period's job nothing.
                .property("ferry.sync.first-sync", "false")
                // one participant adds every ward of the proof (24, then 8 a round): above an account's limits
                .property("ferry.accounts.max-people", "200")
                .property("ferry.accounts.max-new-people-per-hour", "200")
                .property("ferry.sync.cron", "0 * * * * ?")
                .property("ferry.sync.spread", "PT0S")
                .property("ferry.sync.poll-every", "1s")
                .property("ferry.sync.lease", "PT15S")
                .property("ferry.sync.page-size", "10");
        a = cluster.instance("sync-a", Prerequisites.port(10)).start();
        b = cluster.instance("sync-b", Prerequisites.port(11)).start();
    }

    @AfterAll
    void stopCluster() throws Exception {
        if (a != null) {
            a.stop();
        }
        if (b != null) {
            b.stop();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    @Order(1)
    void theTriggerFiresOnBothAndEachConnectionIsSyncedOnce() throws Exception {
        connections.addAll(connect(CONNECTIONS));
        Instant connected = Instant.now();
        Instant period = awaitPeriodAfter(connected, connections);
        awaitDone(period, connections, Duration.ofMinutes(6));

        // Both instances fired the trigger for the same scheduled time; between them they queued each job once.
        Map<String, Long> queued = new HashMap<>();
        for (FerryInstance instance : List.of(a, b)) {
            Long count = queuedIn(instance.log()).get(period.toString());
            assertTrue(count != null, instance.name + " fired the trigger for " + period);
            queued.put(instance.name, count);
        }
        assertEquals(CONNECTIONS, queued.values().stream().mapToLong(Long::longValue).sum(),
                "the instances together queued each connection once: " + queued);
        System.out.printf("period %s queued by instance: %s%n", period, queued);

        Map<String, String> ranOn = runsLogged();
        Map<String, Integer> byInstance = new HashMap<>();
        for (String connection : connections) {
            assertEquals(1, db.count("select count(*) from sync_job where connection_id = cast(? as uuid)"
                    + " and period_start = ?", connection, at(period)), "one job for the period");
            List<String> job = jobOf(connection, period);
            assertEquals("done", job.get(0));
            assertEquals("1", job.get(1), "connection " + connection + " was claimed (synced) exactly once");
            assertEquals(null, job.get(2), "no error");
            String run = job.get(3);
            // An earlier minute may have synced it already: then this run found nothing new. Never a failure.
            assertEquals(null, db.column("select failure_code from sync_run where id = cast(? as uuid)", run).get(0));
            assertTrue(ranOn.containsKey(run), "the run of " + connection + " is logged by exactly one instance");
            byInstance.merge(ranOn.get(run), 1, Integer::sum);
            claimsMatchRuns(connection);
        }
        System.out.printf("period %s synced by instance: %s%n", period, byInstance);

        chart = records(connections.get(0));
        assertTrue(chart > 20, "the synthetic chart arrived: " + chart);
        for (String connection : connections) {
            assertEquals(chart, records(connection), "every record of " + connection + " once");
        }
        noDuplicateRecords();
    }

    @Test
    @Order(2)
    void aKilledInstancesSyncsAreFinishedByTheOtherAfterTheLease() throws Exception {
        List<String> all = new ArrayList<>(connections);
        String victim = null;
        Instant period = null;
        // B holds the lease of a fresh connection's first (full) sync and has stored part of its chart. Which
        // instance claims which job is up to the race, so a round where A took every fresh job is tried again.
        for (int round = 0; round < 3 && victim == null; round++) {
            List<String> fresh = connect(FRESH);
            all.addAll(fresh);
            period = awaitPeriodAfter(Instant.now(), fresh);
            victim = halfSyncedOn(b, fresh, period, Duration.ofMinutes(3));
        }
        assertTrue(victim != null, "B never held a half-synced connection in three rounds");
        b.kill();
        long before = records(victim);
        assertTrue(before < chart, "killed mid-sync: " + before + " of " + chart + " records stored");
        System.out.printf("B killed in period %s holding connection %s with %d of %d records%n", period, victim,
                before, chart);
        List<String> killed = jobOf(victim, period);
        assertEquals("running", killed.get(0), "B's lease was left behind");
        String lease = "select cast(extract(epoch from %s) * 1000 as bigint) from %s where %s";
        long leaseEnd = db.count(lease.formatted("lease_expires_at", "sync_job", "connection_id = cast(? as uuid)"
                + " and period_start = ?"), victim, at(period));

        awaitDone(period, all, Duration.ofMinutes(6));
        List<String> job = jobOf(victim, period);
        assertTrue(Integer.parseInt(job.get(1)) >= 2, "the killed attempt was taken over: " + job);
        assertEquals(null, job.get(2), "and finished without error");
        assertEquals("new_records", db.column("select outcome from sync_run where id = cast(? as uuid)", job.get(3))
                .get(0));
        assertEquals(killed.get(3), db.column("select cast(id as varchar) from sync_run where connection_id ="
                + " cast(? as uuid) and failure_code = 'interrupted'", victim).get(0),
                "B's run is recorded as interrupted");
        assertTrue(db.count(lease.formatted("finished_at", "sync_run", "id = cast(? as uuid)"), killed.get(3))
                >= leaseEnd, "taken over only once B's lease had expired");
        assertEquals("a", runsLogged().get(job.get(3)), "A finished what B left");

        for (String connection : all) {
            assertEquals("done", jobOf(connection, period).get(0));
            assertEquals(chart, records(connection), "no record of " + connection + " lost or duplicated");
            claimsMatchRuns(connection);
        }
        noDuplicateRecords();
    }

    @Test
    @Order(3)
    void logsAreJsonWithoutPersonalData() throws Exception {
        for (FerryInstance instance : List.of(a, b)) {
            ProofChecks.structuredWithoutPersonalData(instance.log(), List.of("Jordan", "Rivers", "Proof Sync Ward"));
        }
    }

    /** {@code count} wards of alice, each connected to the sandbox as {@code demo} through A's API. */
    private List<String> connect(int count) throws Exception {
        FerryApi api = new FerryApi(a.baseUrl(), new KeycloakLogin(keycloak).accessToken("alice", a.baseUrl()));
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String person = api.ward("Proof Sync Ward " + UUID.randomUUID().toString().substring(0, 8));
            ids.add(api.connectSandbox(person, "demo"));
        }
        for (String id : ids) {
            assertEquals("connected", api.settled(id), "connection " + id);
        }
        return ids;
    }

    /** The first period both instances queued after {@code after} that holds a job for each of {@code ids}. */
    private Instant awaitPeriodAfter(Instant after, List<String> ids) throws Exception {
        Instant until = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(until)) {
            for (String period : db.column("select distinct cast(extract(epoch from period_start) as bigint)"
                    + " from sync_job where period_start > ? order by 1", at(after))) {
                Instant start = Instant.ofEpochSecond(Long.parseLong(period));
                long jobs = db.count("select count(*) from sync_job where period_start = ? and cast(connection_id"
                        + " as varchar) = any (?)", at(start), ids.toArray(String[]::new));
                if (jobs == ids.size()) {
                    return start;
                }
            }
            Thread.sleep(500);
        }
        throw new AssertionError("no sync period queued after " + after);
    }

    private void awaitDone(Instant period, List<String> ids, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        long open = -1;
        while (Instant.now().isBefore(until)) {
            open = db.count("select count(*) from sync_job where period_start = ? and state <> 'done' and"
                    + " cast(connection_id as varchar) = any (?)", at(period),
                    ids.toArray(String[]::new));
            if (open == 0) {
                return;
            }
            Thread.sleep(1000);
        }
        fail(open + " sync jobs of period " + period + " unfinished after " + timeout);
    }

    /**
     * A connection of {@code ids} whose job {@code instance} holds in {@code period} with part of the chart stored;
     * null once all their jobs of the period are done without that happening.
     */
    private String halfSyncedOn(FerryInstance instance, List<String> ids, Instant period, Duration timeout)
            throws Exception {
        Instant until = Instant.now().plus(timeout);
        String[] among = ids.toArray(String[]::new);
        while (Instant.now().isBefore(until)) {
            for (String id : db.column("select cast(j.connection_id as varchar) from sync_job j where j.state ="
                    + " 'running' and j.period_start = ? and j.lease_owner like ? and cast(j.connection_id as varchar)"
                    + " = any (?) and (select count(*) from health_record r where r.source_kind = 'connection' and"
                    + " r.source_id = j.connection_id) between 1 and ?", at(period), instance.pid() + "-%", among,
                    chart / 2)) {
                return id;
            }
            if (db.count("select count(*) from sync_job where period_start = ? and state <> 'done' and"
                    + " cast(connection_id as varchar) = any (?)", at(period), among) == 0) {
                return null;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the sync jobs of period " + period + " did not end within " + timeout);
    }

    private static java.time.OffsetDateTime at(Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /** The job's state, attempts, last error and latest run. */
    private List<String> jobOf(String connection, Instant period) throws SQLException {
        List<String> row = new ArrayList<>();
        for (String column : List.of("state", "cast(attempts as varchar)", "last_error",
                "cast(sync_run_id as varchar)")) {
            row.add(db.column("select " + column + " from sync_job where connection_id = cast(? as uuid) and"
                    + " period_start = ?", connection, at(period)).get(0));
        }
        return row;
    }

    /** Every claim of the connection's jobs started exactly one run, and no run started without a claim. */
    private void claimsMatchRuns(String connection) throws SQLException {
        assertEquals(db.count("select coalesce(sum(attempts), 0) from sync_job where connection_id = cast(? as uuid)",
                connection), db.count("select count(*) from sync_run where connection_id = cast(? as uuid)",
                        connection), "runs of " + connection + " = claims of its jobs");
    }

    private long records(String connection) throws SQLException {
        return db.count("select count(*) from health_record where source_kind = 'connection' and source_id ="
                + " cast(? as uuid)", connection);
    }

    private void noDuplicateRecords() throws SQLException {
        assertEquals(0, db.count("select count(*) from (select source_id, resource_type, resource_id from"
                + " health_record group by source_id, resource_type, resource_id having count(*) > 1) d"),
                "no record stored twice");
    }

    /** Sync run id → the instance ("a" or "b") that logged its end; a run logged twice fails. */
    private Map<String, String> runsLogged() throws IOException {
        Map<String, String> runs = new HashMap<>();
        for (FerryInstance instance : List.of(a, b)) {
            Matcher m = RUN.matcher(Files.readString(instance.log()));
            while (m.find()) {
                String was = runs.put(m.group(1), instance.name.substring(instance.name.length() - 1));
                assertFalse(was != null, "run " + m.group(1) + " ended twice");
            }
        }
        return runs;
    }

    /** Period start (as logged) → connections this instance's trigger queued for it. */
    private static Map<String, Long> queuedIn(Path log) throws IOException {
        Map<String, Long> periods = new HashMap<>();
        Matcher m = PERIOD.matcher(Files.readString(log));
        while (m.find()) {
            periods.put(m.group(1), Long.parseLong(m.group(2)));
        }
        return periods;
    }
}
