package health.ferry.jobs;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Purges finished job rows ({@code state = 'done'}) of every {@link JobQueue} once they are older than their
 * retention, counted from the row's last change on the database's clock: {@code ferry.jobs.retention.done} (30 days)
 * for jobs that succeeded, {@code ferry.jobs.retention.failed} (90 days) for jobs that ended with an error, kept
 * longer for diagnosis. Queued and running jobs are never purged. Hourly, in batches of
 * {@code ferry.jobs.retention.batch} rows, each batch its own short transaction, so a large backlog never holds
 * locks for long; several instances purging at once only delete what the other has not.
 */
@ApplicationScoped
public class JobRetention {
    private static final Logger LOG = Logger.getLogger(JobRetention.class);

    @Inject
    @Any
    Instance<JobQueue> queues;
    @Inject
    EntityManager em;
    @Inject
    Leases leases;
    @Inject
    DatabaseOutage outage;
    @ConfigProperty(name = "ferry.jobs.retention.done", defaultValue = "P30D")
    Duration done;
    @ConfigProperty(name = "ferry.jobs.retention.failed", defaultValue = "P90D")
    Duration failed;
    @ConfigProperty(name = "ferry.jobs.retention.batch", defaultValue = "500")
    int batch;

    @Scheduled(every = "${ferry.jobs.retention.every:1h}", delayed = "5m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        outage.poll("job-retention", () -> purge(batch));
    }

    /** Purges every queue's finished rows past their retention, {@code batchSize} rows at a time; how many. */
    public int purge(int batchSize) {
        int removed = 0;
        for (JobQueue queue : queues) {
            int n;
            do {
                n = QuarkusTransaction.requiringNew().call(() -> purgeBatch(queue, batchSize));
                removed += n;
            } while (n == batchSize);
        }
        if (removed > 0) {
            LOG.infof("job retention: removed %d finished job rows", removed);
        }
        return removed;
    }

    private int purgeBatch(JobQueue queue, int batchSize) {
        Instant now = leases.now();
        JobTable<?> t = queue.table();
        // Table and column names and the extra condition are fixed text from code, never input.
        return em.createNativeQuery("delete from " + t.table() + " where " + t.idColumn() + " in (select "
                + t.idColumn() + " from " + t.table() + " where state = 'done' and ((last_error is null and"
                + " updated_at < :done) or (last_error is not null and updated_at < :failed)) "
                + queue.purgeOnlyIf() + " fetch first " + batchSize + " rows only)")
                .setParameter("done", now.minus(done)).setParameter("failed", now.minus(failed)).executeUpdate();
    }
}
