package health.ferry.audit;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

/**
 * S8, audit integrity: the hash chain holds after ordinary audited traffic and under concurrent writers, each entry is
 * shipped as one {@code ferry.audit} log line, and an offline edit or a deleted row (made directly in the database, as
 * its owner could) is reported at the row where the chain breaks, by the admin API and by the daily check's ERROR.
 * Every edit here is undone before the test ends: the chain of the shared test database must stay whole (a test that
 * edits audit rows undoes the edit, as CoordinatorPagesTest does).
 */
@QuarkusTest
class AuditChainTest {
    @Inject
    AuditChain chain;
    @Inject
    AuditTrail audit;
    @Inject
    AgroalDataSource db;

    @Test
    void theChainHoldsAfterOrdinaryTrafficAndEveryEntryIsShipped() {
        long before = verified().getLong("checked");
        try (Captured shipped = new Captured("ferry.audit")) {
            String ward = as("erin").contentType(ContentType.JSON).body(Map.of("displayName", "Chain Ward",
                    "birthDate", "2012-01-02", "relationship", "child", "authorityAttested", true))
                    .post("/api/v1/people").then().statusCode(201).extract().path("id");
            as("erin").contentType(ContentType.JSON).body(Map.of("displayName", "Chain Ward",
                    "birthDate", "2012-01-03", "relationship", "child", "authorityAttested", true))
                    .put("/api/v1/people/" + ward).then().statusCode(200);
            AuditEntry denied = denied("bob");
            as("erin").get("/api/v1/people/" + ward + "/access-log").then().statusCode(200);

            JsonPath after = verified();
            assertTrue(after.getBoolean("ok"), after.prettify());
            assertNull(after.get("firstBroken"));
            assertTrue(after.getLong("checked") >= before + 3, before + " then " + after.prettify());

            List<AuditEntry> about = audit.aboutPerson(UUID.fromString(ward), 10);
            assertTrue(about.size() >= 2, about.toString());
            for (AuditEntry e : about) {
                assertNotNull(e.seq);
                assertEquals(e.computeHash(), e.hash);
            }
            String line = shipped.lineWith(denied.id.toString());
            assertTrue(line.contains("seq=" + denied.seq + " hash=" + denied.hash + " prev=" + denied.prevHash), line);
            assertTrue(line.contains("action=access.denied outcome=denied"), line);
            assertFalse(line.contains("bob"), "usernames stay out of the shipped line: " + line);
            assertTrue(shipped.lines().stream().noneMatch(l -> l.contains("Chain Ward")), shipped.lines().toString());
        }
    }

    @Test
    void anOfflineEditIsReportedAtTheEditedRow() throws Exception {
        AuditEntry row = denied("bob");
        denied("bob");
        try (Connection c = db.getConnection()) {
            update(c, "update audit_event set action = 'access.granted', outcome = 'success' where id = ?", row.id);
            try {
                JsonPath v = verified();
                assertFalse(v.getBoolean("ok"), v.prettify());
                assertEquals(row.id.toString(), v.getString("firstBroken.id"));
                assertEquals(row.seq, v.getLong("firstBroken.seq"));
                assertEquals("hash_mismatch", v.getString("firstBroken.problem"));
                assertEquals(row.hash, v.getString("firstBroken.found"), "the stored hash");
                assertFalse(row.hash.equals(v.getString("firstBroken.expected")), "the hash of the edited fields");

                try (Captured errors = new Captured(AuditChain.class.getName())) {
                    chain.verifyDaily();
                    LogRecord error = errors.records().stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue())
                            .findFirst().orElseThrow(() -> new AssertionError("no ERROR: " + errors.lines()));
                    String text = message(error);
                    assertTrue(text.contains("hash_mismatch at row " + row.id + " (seq " + row.seq + ")"), text);
                }
            } finally {
                update(c, "update audit_event set action = 'access.denied', outcome = 'denied' where id = ?", row.id);
            }
        }
        assertTrue(verified().getBoolean("ok"), "whole again once the edit is undone");
    }

    @Test
    void aDeletedRowIsReportedAtTheRowAfterIt() throws Exception {
        AuditEntry first = denied("bob");
        AuditEntry middle = denied("bob");
        AuditEntry last = denied("bob");
        assertTrue(first.seq < middle.seq && middle.seq < last.seq);
        try (Connection c = db.getConnection()) {
            Map<String, Object> saved = read(c, middle.id);
            update(c, "delete from audit_event where id = ?", middle.id);
            try {
                AuditEntry next = audit.byAction("access.denied", 500).stream()
                        .filter(e -> e.seq != null && e.seq == middle.seq + 1).findFirst().orElseThrow();
                JsonPath v = verified();
                assertFalse(v.getBoolean("ok"), v.prettify());
                assertEquals(next.id.toString(), v.getString("firstBroken.id"));
                assertEquals("seq_gap", v.getString("firstBroken.problem"));
                assertEquals(String.valueOf(middle.seq), v.getString("firstBroken.expected"));
            } finally {
                insert(c, saved);
            }
        }
        assertTrue(verified().getBoolean("ok"), "whole again once the row is back");
    }

    @Test
    void eightConcurrentWritersLeaveOneUnbrokenChain() throws Exception {
        long before = verified().getLong("checked");
        int threads = 8;
        int each = 6;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<List<String>>> work = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                Callable<List<String>> writer = () -> {
                    List<String> probes = new ArrayList<>();
                    for (int i = 0; i < each; i++) {
                        if ((thread + i) % 2 == 0) {
                            // Written in its own transaction (a denial).
                            String probe = UUID.randomUUID().toString();
                            as("bob").get("/api/v1/people/" + probe).then().statusCode(404);
                            probes.add(probe);
                        } else {
                            // Written in the request's own transaction, with the person it adds.
                            as("erin").contentType(ContentType.JSON).body(Map.of("displayName", "Chain Writer",
                                    "birthDate", "2011-01-01", "relationship", "ward", "authorityAttested", true))
                                    .post("/api/v1/people").then().statusCode(201);
                        }
                    }
                    return probes;
                };
                work.add(pool.submit(writer));
            }
            Set<String> probes = new HashSet<>();
            for (Future<List<String>> f : work) {
                probes.addAll(f.get());
            }
            JsonPath after = verified();
            assertTrue(after.getBoolean("ok"), after.prettify());
            assertTrue(after.getLong("checked") >= before + threads * each, before + " then " + after.prettify());
            Set<Long> places = new HashSet<>();
            for (AuditEntry e : audit.byAction("access.denied", 2000)) {
                if (probes.contains(e.objectId)) {
                    assertTrue(places.add(e.seq), "one place per entry: " + e.seq);
                }
            }
            assertEquals(probes.size(), places.size());
        } finally {
            pool.shutdownNow();
        }
    }

    private static JsonPath verified() {
        return as("admin").get("/api/v1/admin/audit/verify").then().statusCode(200).extract().jsonPath();
    }

    /** A denied read of an unknown person: an {@code access.denied} row in its own transaction. */
    private AuditEntry denied(String user) {
        String probe = UUID.randomUUID().toString();
        as(user).get("/api/v1/people/" + probe).then().statusCode(404);
        return audit.byAction("access.denied", 200).stream().filter(e -> probe.equals(e.objectId)).findFirst()
                .orElseThrow();
    }

    private static void update(Connection c, String sql, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setObject(1, id);
            assertEquals(1, s.executeUpdate(), sql);
        }
    }

    private static Map<String, Object> read(Connection c, UUID id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select * from audit_event where id = ?")) {
            s.setObject(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertTrue(rs.next());
                ResultSetMetaData meta = rs.getMetaData();
                Map<String, Object> row = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    String column = meta.getColumnLabel(i).toLowerCase(java.util.Locale.ROOT);
                    row.put(column, "at".equals(column) ? rs.getObject(i, OffsetDateTime.class) : rs.getObject(i));
                }
                return row;
            }
        }
    }

    private static void insert(Connection c, Map<String, Object> row) throws SQLException {
        String sql = "insert into audit_event (" + String.join(", ", row.keySet()) + ") values ("
                + String.join(", ", row.keySet().stream().map(k -> "?").toList()) + ")";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int i = 1;
            for (Object value : row.values()) {
                s.setObject(i++, value);
            }
            assertEquals(1, s.executeUpdate());
        }
    }

    private static String message(LogRecord r) {
        return r instanceof ExtLogRecord ext ? ext.getFormattedMessage() : r.getMessage();
    }

    /** The records one logger publishes while open. */
    private static final class Captured extends Handler implements AutoCloseable {
        private final Logger logger;
        private final List<LogRecord> records = new ArrayList<>();

        Captured(String category) {
            logger = Logger.getLogger(category);
            setLevel(Level.ALL);
            logger.addHandler(this);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            records.add(record);
        }

        synchronized List<LogRecord> records() {
            return List.copyOf(records);
        }

        List<String> lines() {
            return records().stream().map(AuditChainTest::message).toList();
        }

        String lineWith(String text) {
            return lines().stream().filter(l -> l.contains(text)).findFirst()
                    .orElseThrow(() -> new AssertionError("no line with " + text + " in " + lines()));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
            logger.removeHandler(this);
        }
    }
}
