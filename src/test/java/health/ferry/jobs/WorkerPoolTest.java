package health.ferry.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The worker pool both job queues run on: bounded, named leases, and a stop that lets running drains end. A drain
 * that the shutdown reaches (its database closing under it) ends without an ERROR; one that fails while the
 * application runs is an ERROR.
 */
class WorkerPoolTest {
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger logger = Logger.getLogger(WorkerPool.class.getName());
    private final Logger outageLogger = Logger.getLogger(DatabaseOutage.class.getName());

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
        outageLogger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
        outageLogger.removeHandler(capture);
    }

    private List<LogRecord> errors() {
        return logged.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    @Test
    void aDrainCutShortByTheShutdownEndsWithoutAnError() throws Exception {
        WorkerPool pool = new WorkerPool("test-jobs", 1, new DatabaseOutage());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch ended = new CountDownLatch(1);
        List<String> owners = new CopyOnWriteArrayList<>();
        assertTrue(pool.start(owner -> {
            owners.add(owner);
            started.countDown();
            try {
                while (!pool.stopping()) {
                    Thread.onSpinWait();
                }
                throw new IllegalStateException("the datasource is closed"); // what a step meets at shutdown
            } finally {
                ended.countDown();
            }
        }));
        assertTrue(started.await(10, TimeUnit.SECONDS));
        assertFalse(pool.start(owner -> { }), "one worker, and it is busy");

        pool.stop(10, TimeUnit.SECONDS);
        assertTrue(ended.await(0, TimeUnit.SECONDS), "stop waited for the running drain");
        assertEquals(List.of(), errors(), "the shutdown reaching a drain is not an error");
        assertFalse(pool.start(owner -> { }), "a stopping pool starts nothing");
        assertTrue(owners.get(0).matches("\\d+-[0-9a-f]{8}/test-jobs-1"), owners.get(0));
    }

    @Test
    void aDrainFailingWhileTheApplicationRunsIsAnError() throws Exception {
        WorkerPool pool = new WorkerPool("test-jobs", 2, new DatabaseOutage());
        CountDownLatch ended = new CountDownLatch(1);
        assertTrue(pool.start(owner -> {
            ended.countDown();
            throw new IllegalStateException("unexpected");
        }));
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        for (int i = 0; i < 100 && errors().isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertEquals(1, errors().size());
        assertTrue(errors().get(0).getMessage().contains("worker stopped"), errors().get(0).getMessage());
        CountDownLatch again = new CountDownLatch(1);
        assertTrue(pool.start(owner -> again.countDown()), "the failed worker's slot is free again");
        assertTrue(again.await(10, TimeUnit.SECONDS));
        pool.stop();
    }

    @Test
    void drainsEndedByAnUnreachableDatabaseLogOneWarningAndOneInfoForTheWholeOutage() throws Exception {
        DatabaseOutage outage = new DatabaseOutage();
        WorkerPool pool = new WorkerPool("test-jobs", 2, outage);
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");
        CountDownLatch ended = new CountDownLatch(20);
        for (int poll = 0; poll < 20; poll++) {
            startWhenFree(pool, owner -> {
                ended.countDown();
                throw new IllegalStateException("claim failed", refused);
            });
        }
        assertTrue(ended.await(10, TimeUnit.SECONDS));
        pool.stop(10, TimeUnit.SECONDS);
        assertTrue(outage.down());
        assertTrue(outage.paused(), "pollers skip rounds while it is down and no probe is due");
        outage.reachable();
        outage.reachable();
        assertFalse(outage.down());
        assertFalse(outage.paused());

        assertEquals(List.of(), errors(), "a plain connection failure is not an error");
        List<LogRecord> warnings = logged.stream()
                .filter(r -> r.getLevel().intValue() == Level.WARNING.intValue()).toList();
        assertEquals(1, warnings.size(), "one warning for twenty failed polls");
        assertTrue(warnings.get(0).getMessage().startsWith("database unavailable, background jobs paused; will retry"),
                warnings.get(0).getMessage());
        assertEquals(null, warnings.get(0).getThrown(), "no stack trace");
        assertEquals(1, logged.stream().filter(r -> r.getLevel().intValue() == Level.INFO.intValue()
                && r.getMessage().startsWith("database available again")).count());
    }

    @Test
    void onlyConnectionFailuresCountAsTheDatabaseBeingUnreachable() {
        assertTrue(DatabaseOutage.unavailable(new RuntimeException(new SQLException("refused", "08001"))));
        assertTrue(DatabaseOutage.unavailable(new SQLException("terminating connection", "57P01")));
        assertTrue(DatabaseOutage.unavailable(
                new SQLException("Acquisition timeout while waiting for new connection")));
        assertTrue(DatabaseOutage.unavailable(new java.sql.SQLTransientConnectionException("gone")));
        RuntimeException commit = new RuntimeException("commit failed");
        commit.addSuppressed(new javax.transaction.xa.XAException("commit").initCause(
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));
        assertTrue(DatabaseOutage.unavailable(commit), "a commit on a dropped connection");
        assertFalse(DatabaseOutage.unavailable(new SQLException("duplicate key", "23505")));
        assertFalse(DatabaseOutage.unavailable(new IllegalStateException("unexpected")));
        assertFalse(new DatabaseOutage().failed("test", new IllegalStateException("unexpected")));
    }

    /** Starts the drain as soon as a worker is free. */
    private static void startWhenFree(WorkerPool pool, java.util.function.Consumer<String> drain)
            throws InterruptedException {
        for (int i = 0; i < 1000; i++) {
            if (pool.start(drain)) {
                return;
            }
            Thread.sleep(5);
        }
        throw new AssertionError("no worker came free");
    }
}
