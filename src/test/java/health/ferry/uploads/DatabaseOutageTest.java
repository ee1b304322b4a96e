package health.ferry.uploads;

import health.ferry.PostgresOnly;
import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static health.ferry.uploads.UploadCalls.path;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.LogCapture;
import health.ferry.PageSession;
import health.ferry.ProxiedDatabase;
import health.ferry.TcpCutter;
import health.ferry.connections.SandboxConnections;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.logging.Level;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

/**
 * R13: PostgreSQL unreachable for 30 seconds while uploads are received and processed, upload and sync jobs are
 * claimed and run, and a sync is asked for. Ferry reaches PostgreSQL through a TCP proxy ({@link TcpCutter}) that the test cuts: open connections
 * are reset and new ones refused, as when the server goes down. During the outage every API call is a 503
 * problem+json {@code service_unavailable} with Retry-After and a page is a plain 503 page, never a 500 or a stack
 * trace; afterwards the pool reconnects by itself, the upload received just before the cut is processed, the upload
 * refused during it is accepted when retried with its Idempotency-Key (once) and processed by the workers (they
 * survived their failed claims), and the scheduled sync job is claimed again and imports the whole chart once.
 *
 * <p>PostgreSQL only ({@code -Dquarkus.test.profile=test,pg}); on the embedded H2 there is no server to lose, and the
 * class is skipped before Quarkus starts for it.
 */
@QuarkusTest
@PostgresOnly
@WithTestResource(value = DatabaseOutageTest.Proxied.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class DatabaseOutageTest {
    static final Duration OUTAGE = Duration.ofSeconds(30);
    static final Duration ACQUISITION = ProxiedDatabase.ACQUISITION;
    /**
     * Warnings Hibernate and Agroal may log over the outage (each failed statement or connection attempt: two or
     * three): the test's own requests and the pollers' probes, never one per poll (before the pause, about 250).
     */
    static final int LIBRARY_WARNINGS = 80;

    /** The proxied database with faster polls and shorter leases than the defaults. */
    public static class Proxied extends ProxiedDatabase {
        @Override
        protected Map<String, String> settings() {
            return Map.of(
                    // Faster than the default 5 s, so the test sees the workers' failed claims during the outage.
                    "ferry.uploads.jobs.poll-every", "2s",
                    // An attempt the outage cut short cannot record its failure: its job keeps the lease until it
                    // expires (5 min by default), then any worker resumes it. Shorter here, as in the proofs.
                    "ferry.uploads.jobs.lease", "20s",
                    // The sync workers poll (off elsewhere in the tests), a period's jobs are due at once, and a
                    // run the outage cut short is claimed again 20 s after its last renewal.
                    "ferry.sync.poll-every", "1s", "ferry.sync.spread", "PT1S", "ferry.sync.lease", "PT20S",
                    "ferry.sync.job-retry-backoff", "PT2S");
        }
    }

    @Inject
    health.ferry.sync.SyncSchedule schedule;

    @Test
    void aThirtySecondOutageGivesCleanErrorsAndLosesNothing() throws Exception {
        TcpCutter proxy = Proxied.proxy;
        String person = UploadCalls.ward("alice", "Outage Olive", HEART);
        String portalPerson = SandboxConnections.ward("alice", "Outage Owen", "2011-02-03");
        String connection = SandboxConnections.connected("alice", portalPerson, "demo");
        PageSession session = PageSession.open("alice", "/supporting-documents");

        // A weekly period starts: the connection's sync job is due now; the sync workers claim it while (or just
        // before) the database goes away.
        assertTrue(schedule.enqueue(Instant.now().minus(Duration.ofMinutes(1))) >= 1);
        // Received just before the cut: its job is claimed and processed while the database goes away.
        String before = UploadCalls.upload("alice", HEART, person, Map.of("before.txt", note("before"),
                "lab.pdf", UploadFixtures.labPdf())).then().statusCode(202).extract().path("id");
        LogCapture logs = LogCapture.start();
        try {
            outageAndAfter(proxy, session, connection, person, before, portalPerson);
        } finally {
            logs.close();
        }
        // The background workers (upload and sync workers, the pollers) polled through the outage: one WARN and one
        // INFO for all of it, no ERROR, no stack trace; the library's own per-attempt warnings stay few, as the
        // pollers pause between probes.
        List<java.util.logging.LogRecord> ours = logs.atLeast(Level.WARNING, "health.ferry.").stream()
                .filter(r -> !r.getLoggerName().equals("health.ferry.web.Problems")).toList();
        assertEquals(1, logs.saying("database unavailable, background jobs paused; will retry").size(),
                LogCapture.describe(ours));
        assertEquals(1, ours.size(), LogCapture.describe(ours));
        assertEquals(List.of(), logs.atLeast(Level.SEVERE, ""), LogCapture.describe(logs.atLeast(Level.SEVERE, "")));
        assertEquals(List.of(), logs.atLeast(Level.WARNING, "health.ferry.").stream()
                .filter(r -> r.getThrown() != null).toList(), "no stack traces");
        assertEquals(1, logs.saying("database available again, background jobs resumed").size());
        int library = logs.atLeast(Level.WARNING, "org.hibernate").size() + logs.atLeast(Level.WARNING, "io.agroal")
                .size();
        assertTrue(library <= LIBRARY_WARNINGS, library + " library warnings");
    }

    /** The outage from its start to the end of the checks after it. */
    private void outageAndAfter(TcpCutter proxy, PageSession session, String connection, String person,
            String before, String portalPerson) throws Exception {
        proxy.cut();
        Instant cutAt = Instant.now();

        // An upload during the outage: 503, told when to come back; the client keeps its Idempotency-Key.
        Map<String, byte[]> during = new LinkedHashMap<>();
        during.put("during.txt", note("during the outage"));
        Response refused = timed(() -> upload(session, during, "outage-retry-1").post(path(HEART, person)));
        unavailable(refused);
        // Reads and other API calls, a page, and a sync asked for.
        unavailable(timed(() -> as("alice").get("/api/v1/uploads/" + before)));
        unavailable(timed(() -> as("alice").contentType(ContentType.JSON)
                .post("/api/v1/connections/" + connection + "/sync")));
        Response page = timed(() -> as("alice").get("/records"));
        assertEquals(503, page.statusCode(), page.asString());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        String html = page.asString();
        assertTrue(html.contains("<h1>Ferry is briefly unavailable</h1>"), html);
        noInternals(html);
        assertEquals(String.valueOf(30), page.header("Retry-After"));

        // The rest of the 30 seconds: the upload workers keep polling and failing to claim.
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), cutAt.plus(OUTAGE)).toMillis()));
        int acceptedBeforeRestore = proxy.accepted();
        proxy.restore();

        // The pool reconnects by itself: no dead connection is handed out for long.
        awaitOk(() -> as("alice").get("/api/v1/uploads/" + before), Duration.ofSeconds(30));
        assertTrue(proxy.accepted() > acceptedBeforeRestore, "new connections after the outage");

        JsonPath done = UploadCalls.finished("alice", before);
        assertEquals("ready_for_review", done.getString("status"), done.prettify());
        assertEquals(List.of("before.txt", "lab.pdf"), done.getList("documents.name", String.class).stream().sorted()
                .toList());

        // The refused upload sent again with the same key: accepted once, processed.
        String retried = upload(PageSession.open("alice", "/supporting-documents"), during, "outage-retry-1")
                .post(path(HEART, person)).then().statusCode(202).extract().path("id");
        String again = upload(PageSession.open("alice", "/supporting-documents"), during, "outage-retry-1")
                .post(path(HEART, person)).then().statusCode(202).extract().path("id");
        assertEquals(retried, again, "one upload for one key");
        assertEquals("ready_for_review", UploadCalls.finished("alice", retried).getString("status"));
        List<String> mine = as("alice").get("/api/v1/people/" + person + "/uploads").then().statusCode(200)
                .extract().path("items.id");
        assertEquals(2, mine.size(), "the upload before the outage and the retried one: " + mine);

        // The scheduled sync job is claimed again (after its lease, if the outage cut its run short) and runs to the
        // end: every record of the chart once.
        JsonPath synced = awaitSync(connection, Duration.ofSeconds(90));
        assertEquals("new_records", synced.getString("lastSync.outcome"), synced.prettify());
        int total = as("alice").get("/api/v1/people/" + portalPerson + "/records").then().statusCode(200).extract()
                .path("total");
        String reference = SandboxConnections.ward("alice", "Outage Reference", "2011-02-04");
        String clean = SandboxConnections.connected("alice", reference, "demo");
        as("alice").contentType(ContentType.JSON).post("/api/v1/connections/" + clean + "/sync").then()
                .statusCode(202);
        awaitSync(clean, Duration.ofSeconds(60));
        assertEquals(total, (int) as("alice").get("/api/v1/people/" + reference + "/records").then().extract()
                .path("total"), "the same chart as a sync without an outage: nothing lost, nothing twice");
    }

    private static byte[] note(String words) {
        return ("Visit note " + UUID.randomUUID() + ": " + words).getBytes(StandardCharsets.UTF_8);
    }

    private static io.restassured.specification.RequestSpecification upload(PageSession session,
            Map<String, byte[]> files, String key) {
        var request = session.multipart().header("Idempotency-Key", key).multiPart("prerequisiteConfirmed", "true");
        files.forEach((name, bytes) -> request.multiPart(new MultiPartSpecBuilder(bytes).controlName("file")
                .fileName(name).mimeType("application/octet-stream").build()));
        return request;
    }

    /** Runs a request during the outage: it must answer, and soon (the pool's wait plus a margin). */
    private static Response timed(Supplier<Response> call) {
        long start = System.nanoTime();
        Response r = call.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertTrue(took.compareTo(ACQUISITION.multipliedBy(3)) < 0, "answered in " + took);
        return r;
    }

    private static void unavailable(Response r) {
        String body = r.asString();
        assertEquals(503, r.statusCode(), body);
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType() + " " + body);
        JsonPath p = JsonPath.from(body);
        assertEquals("service_unavailable", p.getString("code"), body);
        assertEquals(503, p.getInt("status"));
        assertTrue(p.getString("reference").matches("[0-9a-f-]{36}"), body);
        assertEquals("30", r.header("Retry-After"));
        noInternals(body);
    }

    private static void noInternals(String body) {
        for (String secret : new String[] {"Exception", "org.postgresql", "health.ferry", "jdbc:", "127.0.0.1",
            "\tat ", "SQL"}) {
            assertFalse(body.contains(secret), secret + " in " + body);
        }
    }

    private static void awaitOk(Supplier<Response> call, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        int status = 0;
        while (Instant.now().isBefore(until)) {
            status = call.get().statusCode();
            if (status == 200) {
                return;
            }
            Thread.sleep(500);
        }
        throw new AssertionError("still " + status + " " + timeout + " after the database came back");
    }

    private static JsonPath awaitSync(String connection, Duration timeout) throws InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            JsonPath c = as("alice").get("/api/v1/connections/" + connection).then().statusCode(200).extract()
                    .jsonPath();
            if (c.get("lastSync.finishedAt") != null && !"failed".equals(c.getString("lastSync.outcome"))) {
                return c;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the sync did not finish");
    }
}
