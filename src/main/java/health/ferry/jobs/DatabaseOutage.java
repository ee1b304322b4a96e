package health.ferry.jobs;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * What the background work (job workers, scheduled pollers) knows about the database being unreachable, shared by
 * all of it on this instance. The first failure that is the database being unreachable logs one WARN ("database
 * unavailable, background jobs paused; will retry"), later ones only at DEBUG, and no stack trace; the first round
 * that reaches the database again logs one INFO. While it is down, pollers skip their rounds ({@link #paused()})
 * except for a probe now and then (after 2 s, doubling to 30 s), so an outage costs a few connection attempts
 * rather than one per poll per worker. Any other failure is the caller's to report as a bug.
 */
@ApplicationScoped
public class DatabaseOutage {
    private static final Logger LOG = Logger.getLogger(DatabaseOutage.class);
    static final Duration FIRST_PROBE = Duration.ofSeconds(2);
    static final Duration LAST_PROBE = Duration.ofSeconds(30);
    /** Agroal's words when no connection could be had in time (no SQLState): the pool's text, never user input. */
    private static final List<String> POOL_TIMEOUTS = List.of("acquisition timeout");

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong nextProbe = new AtomicLong();
    private final AtomicLong backoff = new AtomicLong(FIRST_PROBE.toNanos());
    private volatile boolean stopping;

    @Inject
    DataSource dataSource;

    /**
     * Whether a failure is the database being unreachable rather than a bug: a connection-class SQLState (08…),
     * the server shutting down or not yet accepting connections (57P01–57P03), too many connections (53300), the
     * JDBC connection exception types, Hibernate's JDBCConnectionException, or the pool timing out waiting for one;
     * anywhere in the cause chain or among the suppressed exceptions (a commit that failed on a dropped connection
     * surfaces as the transaction manager's exception with the driver's as a suppressed XAException's cause).
     */
    public static boolean unavailable(Throwable e) {
        return unavailable(e, 0);
    }

    private static boolean unavailable(Throwable e, int depth) {
        for (Throwable t = e; t != null && depth < 8; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P") || state.equals("53300"))) {
                    return true;
                }
                String message = String.valueOf(sql.getMessage()).toLowerCase(Locale.ROOT);
                if (state == null && POOL_TIMEOUTS.stream().anyMatch(message::contains)) {
                    return true;
                }
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (unavailable(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the last background round found the database unreachable (and none has reached it since). */
    public boolean down() {
        return down.get();
    }

    /**
     * Whether a poller should skip this round: the database was unreachable at the last try and no probe is due.
     * When one is due, the first caller gets false (its round is the probe) and the next is due a backoff later.
     */
    public boolean paused() {
        if (!down.get()) {
            return false;
        }
        long due = nextProbe.get();
        long now = System.nanoTime();
        return now - due < 0 || !nextProbe.compareAndSet(due, now + backoff.get());
    }

    /**
     * Takes note of a failure of the background work {@code what} (a fixed name). Answers true when it was the
     * database being unreachable, then logged here (one WARN when it goes down, DEBUG after); false when it was
     * something else, which the caller reports.
     */
    public boolean failed(String what, Throwable e) {
        if (!unavailable(e)) {
            return false;
        }
        if (down.compareAndSet(false, true)) {
            backoff.set(FIRST_PROBE.toNanos());
            nextProbe.set(System.nanoTime() + FIRST_PROBE.toNanos());
            LOG.warnf("database unavailable, background jobs paused; will retry (noticed by %s: %s)", what,
                    e.getClass().getName());
        } else {
            long wait = backoff.updateAndGet(b -> Math.min(b * 2, LAST_PROBE.toNanos()));
            nextProbe.set(System.nanoTime() + wait);
            LOG.debugf("database still unavailable (%s)", what);
        }
        return true;
    }

    /** A background round reached the database: if it had been down, one INFO says the jobs run again. */
    public void reachable() {
        if (down.compareAndSet(true, false)) {
            LOG.info("database available again, background jobs resumed");
        }
    }

    /**
     * One round of a scheduled poller ({@code what}: a fixed name) that always reaches the database (its success
     * says the database is back): skipped while {@link #paused()}; a database outage is taken note of
     * ({@link #failed}); any other failure propagates.
     */
    public void poll(String what, Runnable round) {
        if (paused()) {
            LOG.debugf("%s skipped: database unavailable", what);
            return;
        }
        try {
            round.run();
        } catch (RuntimeException e) {
            if (!failed(what, e)) {
                throw e;
            }
            return;
        }
        reachable();
    }

    /** The application is stopping: a wait for the database ends (its datasource is closing anyway). */
    void stopping(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /**
     * Waits until the database answers again, trying now and then again after 2 s, doubling up to 30 s, for at
     * most {@code max}; true once it answers, false when it still does not (or the application is stopping, or the
     * thread is interrupted).
     */
    public boolean awaitReachable(String what, Duration max) {
        long until = System.nanoTime() + max.toNanos();
        long pause = FIRST_PROBE.toMillis();
        while (!stopping) {
            try (Connection c = dataSource.getConnection()) {
                if (c.isValid(5)) {
                    reachable();
                    return true;
                }
            } catch (SQLException | RuntimeException e) {
                if (!failed(what, e)) {
                    LOG.debugf("%s: database probe failed: %s", what, e.getClass().getName());
                }
            }
            if (System.nanoTime() + pause * 1_000_000 - until > 0 || !sleep(pause)) {
                return false;
            }
            pause = Math.min(pause * 2, LAST_PROBE.toMillis());
        }
        return false;
    }

    /** Sleeps {@code millis} in short steps; false once the application is stopping or the thread interrupted. */
    private boolean sleep(long millis) {
        long until = System.nanoTime() + millis * 1_000_000;
        try {
            while (!stopping && until - System.nanoTime() > 0) {
                Thread.sleep(Math.min(200, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !stopping;
    }
}
