package health.ferry.uploads;

import static health.ferry.Tokens.as;
import static health.ferry.uploads.UploadCalls.HEART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.connections.SandboxConnections;
import health.ferry.jobs.JobRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Finished job rows are purged once past their retention (30 days for jobs that succeeded, 90 for failed ones, from
 * the row's last change), in batches; queued and running jobs never are, however old, nor a connection's job of its
 * latest period; the upload a purged job processed stays as it was.
 */
@QuarkusTest
class JobRetentionTest {
    @Inject
    JobRetention retention;
    @Inject
    EntityManager em;

    @Test
    void finishedJobsPastTheirRetentionArePurgedInBatchesAndLiveOnesStay() {
        String person = UploadCalls.ward("alice", "Retention Rita", HEART);
        String old = uploaded(person, "old");
        String recent = uploaded(person, "recent");
        ageUploadJob(old, Duration.ofDays(31));
        ageUploadJob(recent, Duration.ofDays(29));

        UUID connection = UUID.fromString(SandboxConnections.connected("alice",
                SandboxConnections.ward("alice", "Retention Ron", "2010-01-02"), "demo"));
        Instant week = Instant.parse("2020-01-06T00:00:00Z");
        syncJob(connection, week.plus(Duration.ofDays(7 * 1)), "done", null, Duration.ofDays(31)); // purged
        syncJob(connection, week.plus(Duration.ofDays(7 * 2)), "done", "portal_unavailable", Duration.ofDays(31));
        syncJob(connection, week.plus(Duration.ofDays(7 * 3)), "done", "portal_unavailable", Duration.ofDays(91));
        syncJob(connection, week.plus(Duration.ofDays(7 * 4)), "queued", "portal_unavailable", Duration.ofDays(400));
        syncJob(connection, week.plus(Duration.ofDays(7 * 5)), "running", null, Duration.ofDays(400));
        syncJob(connection, week.plus(Duration.ofDays(7 * 6)), "done", null, Duration.ofDays(29));
        for (int i = 7; i < 12; i++) {
            syncJob(connection, week.plus(Duration.ofDays(7 * i)), "done", null, Duration.ofDays(40)); // purged
        }
        syncJob(connection, week.plus(Duration.ofDays(7 * 12)), "done", null, Duration.ofDays(400)); // the latest

        int removed = retention.purge(2);

        assertTrue(removed >= 8, "7 sync jobs and 1 upload job, in batches of 2: " + removed);
        List<Integer> weeksLeft = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select period_start from sync_job where connection_id = :c order by period_start", Instant.class)
                .setParameter("c", connection).getResultList().stream()
                .map(p -> (int) Duration.between(week, (Instant) p).toDays() / 7).toList());
        assertEquals(List.of(2, 4, 5, 6, 12), weeksLeft,
                "kept: failed within 90 days, queued, running, succeeded within 30 days, the latest period");
        assertEquals(0, uploadJobs(old));
        assertEquals(1, uploadJobs(recent));
        assertEquals("ready_for_review", as("alice").get("/api/v1/uploads/" + old).then().statusCode(200)
                .extract().path("status"), "the upload itself stays");
        assertEquals(0, retention.purge(2), "nothing left to purge");
    }

    private static String uploaded(String person, String words) {
        String id = UploadCalls.upload("alice", HEART, person, Map.of(words + ".txt", ("Visit note " + UUID.randomUUID()
                + " " + words).getBytes(StandardCharsets.UTF_8))).then().statusCode(202).extract().path("id");
        assertEquals("ready_for_review", UploadCalls.finished("alice", id).getString("status"));
        return id;
    }

    private void ageUploadJob(String uploadId, Duration age) {
        QuarkusTransaction.requiringNew().run(() -> assertEquals(1, em.createNativeQuery(
                "update upload_job set updated_at = :at where upload_id = :id and state = 'done'")
                .setParameter("at", Instant.now().minus(age)).setParameter("id", UUID.fromString(uploadId))
                .executeUpdate()));
    }

    private long uploadJobs(String uploadId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from upload_job where upload_id = :id").setParameter("id", UUID.fromString(uploadId))
                .getSingleResult()).longValue());
    }

    /** A sync job of the connection for the period, in {@code state}, last changed {@code age} ago. */
    private void syncJob(UUID connection, Instant period, String state, String error, Duration age) {
        Instant changed = Instant.now().minus(age).truncatedTo(ChronoUnit.SECONDS);
        boolean running = "running".equals(state);
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into sync_job (id, connection_id,"
                + " period_start, state, run_after, attempts, lease_owner, lease_expires_at, last_error, updated_at)"
                + " values (:id, :c, :p, :s, :p, :a, :owner, :expires, :e, :u)")
                .setParameter("id", UUID.randomUUID()).setParameter("c", connection).setParameter("p", period)
                .setParameter("s", state).setParameter("a", running ? 1 : 0)
                .setParameter("owner", running ? "1-00000000/ferry-sync-1" : null)
                .setParameter("expires", running ? changed.plus(Duration.ofMinutes(10)) : null)
                .setParameter("e", error).setParameter("u", changed).executeUpdate());
    }
}
