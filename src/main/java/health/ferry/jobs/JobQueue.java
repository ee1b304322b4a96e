package health.ferry.jobs;

/**
 * A job queue whose finished rows {@link JobRetention} purges: each queue's repository is one (a CDI bean).
 */
public interface JobQueue {
    /** The queue's table. */
    JobTable<?> table();

    /**
     * A further condition, fixed SQL text starting with {@code and} over the table's own columns (unqualified, or
     * qualified with the table's name), that a finished row must also meet to be purged; empty when none.
     */
    default String purgeOnlyIf() {
        return "";
    }
}
