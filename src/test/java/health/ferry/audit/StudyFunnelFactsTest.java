package health.ferry.audit;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.PortalSearched;
import health.ferry.connections.SandboxConnections;
import health.ferry.review.StudyConnections;
import health.ferry.uploads.UploadCalls;
import io.restassured.http.ContentType;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The study funnel ({@link StudyConnections}, implemented by {@link AuditedConnections}) counts from typed facts: a
 * participant's real portal search and each change of a real connection (locked out, then working) are one
 * {@code connection_event} row each with its status and failure code, and facts that exist only as typed rows (no
 * audit entry at all) count the same.
 */
@QuarkusTest
class StudyFunnelFactsTest {
    @Inject
    StudyConnections connections;
    @Inject
    Event<PortalSearched> searched;
    @Inject
    EntityManager em;

    @Test
    void aSearchAndAConnectionLockedOutThenWorkingAreCountedFromTheirTypedFacts() {
        UUID person = UUID.fromString(UploadCalls.ward("alice", "Funnel Fact Fay", UploadCalls.HEART));
        QuarkusTransaction.requiringNew().run(() -> searched.fire(new PortalSearched(null, person)));
        String connection = SandboxConnections.failed("alice", person.toString(), "locked");

        List<?> kinds = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select kind from connection_event where person_id = ?1 order by id").setParameter(1, person)
                .getResultList());
        assertEquals("searched", kinds.get(0));
        assertTrue(kinds.size() >= 2 && kinds.subList(1, kinds.size()).stream().allMatch("changed"::equals), kinds
                .toString());
        StudyConnections.Counts locked = connections.count(List.of(person));
        assertEquals(1, locked.searched());
        assertEquals(1, locked.attempted());
        assertEquals(0, locked.connected());
        assertEquals(Map.of("account_locked", 1L), locked.failuresByCode());
        assertEquals(1L, locked.byStatus().values().stream().mapToLong(Long::longValue).sum(), "one connection");
        assertTrue(locked.lockedOut().containsKey(person), "locked out now");
        assertFalse(locked.connectedSince().containsKey(person));

        // The participant signs in with a working account: the same connection connects.
        as("alice").contentType(ContentType.JSON).body(Map.of("username", "demo", "password", "demo"))
                .put("/api/v1/connections/" + connection + "/credentials").then().statusCode(202);
        assertEquals("connected", SandboxConnections.settled("alice", connection).getString("status"));
        StudyConnections.Counts working = connections.count(List.of(person));
        assertEquals(1, working.attempted());
        assertEquals(1, working.connected());
        assertEquals(Map.of("account_locked", 1L), working.failuresByCode(), "the connection met it once");
        assertEquals(Map.of("connected", 1L), working.byStatus());
        assertFalse(working.lockedOut().containsKey(person), "no longer locked out");
        assertFalse(working.failingSince().containsKey(person));
        assertTrue(working.connectedSince().containsKey(person));
    }

    @Test
    void factsWithoutAnyAuditEntryAreCountedTheSame() {
        UUID person = UUID.randomUUID();
        UUID connection = UUID.randomUUID();
        Instant at = Instant.now().minus(9, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        QuarkusTransaction.requiringNew().run(() -> {
            insert(person, null, "searched", null, null, at);
            insert(person, connection, "changed", "connecting", null, at.plusSeconds(1));
            insert(person, connection, "changed", "failed", "portal_unavailable", at.plusSeconds(2));
        });
        long audited = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from audit_event where subject_person = ?1").setParameter(1, person)
                .getSingleResult()).longValue());
        assertEquals(0, audited, "nothing in the audit trail about this person");

        StudyConnections.Counts c = connections.count(List.of(person));
        assertEquals(1, c.searched());
        assertEquals(1, c.attempted());
        assertEquals(0, c.connected());
        assertEquals(Map.of("portal_unavailable", 1L), c.failuresByCode());
        assertEquals(Map.of("failed", 1L), c.byStatus());
        assertEquals(at.plusSeconds(2), c.failingSince().get(person), "failing since its first failure");
        assertFalse(c.lockedOut().containsKey(person));
    }

    /** One typed fact as a row; absent values stay out of the statement (PostgreSQL types no untyped null). */
    private void insert(UUID person, UUID connection, String kind, String status, String failure, Instant at) {
        Map<String, Object> values = new java.util.LinkedHashMap<>();
        values.put("person_id", person);
        values.put("connection_id", connection);
        values.put("kind", kind);
        values.put("status", status);
        values.put("failure", failure);
        values.put("at", at);
        values.values().removeIf(java.util.Objects::isNull);
        List<String> columns = List.copyOf(values.keySet());
        var query = em.createNativeQuery("insert into connection_event (" + String.join(", ", columns) + ") values ("
                + String.join(", ", java.util.stream.IntStream.rangeClosed(1, columns.size()).mapToObj(i -> "?" + i)
                        .toList()) + ")");
        for (int i = 0; i < columns.size(); i++) {
            query.setParameter(i + 1, values.get(columns.get(i)));
        }
        query.executeUpdate();
    }
}
