package health.ferry.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @BeforeEach
    void captureLog() {
        logger.addHandler(capture);
    }

    @AfterEach
    void releaseLog() {
        logger.removeHandler(capture);
    }

    private List<LogRecord> errors() {
        return logged.stream().filter(r -> r.getLevel().intValue() >= Level.SEVERE.intValue()).toList();
    }

    @Test
    void aDrainCutShortByTheShutdownEndsWithoutAnError() throws Exception {
        WorkerPool pool = new WorkerPool("test-jobs", 1);
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
        WorkerPool pool = new WorkerPool("test-jobs", 2);
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
}
