package health.ferry.uploads.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One worker JVM parsing two documents at once: answers reach the right caller, results come back in order, and a
 * document that hangs, crashes or exhausts the heap still costs only itself — the document that shared the worker
 * with it is parsed again alone and succeeds. The worker runs at a lower priority than the app.
 */
class ParallelExtractionTest {
    private static final ExtractionSettings SETTINGS = new ExtractionSettings(Duration.ofSeconds(8),
            Duration.ofSeconds(60), "128m", 100_000, 10, 2, 1_000, null, 2, 10);

    @TempDir
    static Path dir;
    static DocumentExtractor extractor;
    static ExecutorService callers;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(SETTINGS, MisbehavingParseWorker.class.getName());
        callers = Executors.newFixedThreadPool(4);
    }

    @AfterAll
    static void stop() {
        callers.shutdownNow();
        extractor.close();
    }

    private static Path note(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Path marked(String marker) throws IOException {
        return Files.writeString(dir.resolve(marker.replace(':', '-')), marker + "\nrest of the document");
    }

    @Test
    void manyDocumentsAtOnceEachGetTheirOwnAnswerFromOneWorker() throws Exception {
        List<Future<Extraction>> answers = new ArrayList<>();
        Set<Long> workers = ConcurrentHashMap.newKeySet();
        for (int i = 0; i < 40; i++) {
            Path file = note("doc" + i, "Document number " + i + " says glucose " + (70 + i) + " mg/dL.");
            answers.add(callers.submit(() -> {
                Extraction e = extractor.extract(file);
                workers.add(extractor.workerPid());
                return e;
            }));
        }
        for (int i = 0; i < 40; i++) {
            Extraction e = answers.get(i).get();
            assertEquals(ExtractionOutcome.OK, e.outcome(), e.failure());
            assertTrue(e.text().contains("Document number " + i + " says glucose " + (70 + i)), e.text());
        }
        assertEquals(1, workers.size(), "one worker JVM served them all");
    }

    @Test
    void theWorkerRunsAtALowerPriorityThanTheApp() throws Exception {
        Path stat = Path.of("/proc/self/stat");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(stat) && !WorkerCommand.nice(10).isEmpty(),
                "Linux with nice");
        extractor.extract(note("priority", "Any document."));
        assertEquals(niceness("self") + 10, niceness(Long.toString(extractor.workerPid())));
    }

    /** Field 19 of /proc/<pid>/stat, counted after the command name's closing parenthesis. */
    private static int niceness(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Integer.parseInt(fields[16]);
    }

    @Test
    void orderedExtractionHandsResultsBackInOrderWithTwoInFlight() throws Exception {
        List<Path> files = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            // uneven sizes, so answers finish out of order
            files.add(note("ordered" + i, ("Entry " + i + ". ").repeat(1 + (i % 5) * 2000)));
        }
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        List<String> order = new ArrayList<>();
        OrderedExtraction.run(extractor.parallelism(), files, f -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                return extractor.extract(f);
            } finally {
                inFlight.decrementAndGet();
            }
        }, (f, e) -> order.add(f.getFileName() + "=" + e.text().substring(0, e.text().indexOf('.'))));
        for (int i = 0; i < 25; i++) {
            assertEquals("ordered" + i + "=Entry " + i, order.get(i));
        }
        assertEquals(2, most.get(), "two documents were extracted at once");
    }

    @Test
    void aHangCostsOnlyItselfTheDocumentBesideItIsParsedAgainAlone() throws Exception {
        Path hang = marked(MisbehavingParseWorker.HANG);
        Path innocent = note("beside-hang", MisbehavingParseWorker.SLOW + "\nPulse 64, blood pressure 118/76.");
        Future<Extraction> hung = callers.submit(() -> extractor.extract(hang));
        Thread.sleep(300); // the hang is in flight first
        long start = System.nanoTime();
        Future<Extraction> beside = callers.submit(() -> {
            // a three-second document that starts six seconds in: in flight when the hang's deadline kills the
            // worker at eight
            Thread.sleep(6_000);
            return extractor.extract(innocent);
        });
        assertEquals(ExtractionOutcome.TIMED_OUT, hung.get().outcome());
        Extraction ok = beside.get();
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(ExtractionOutcome.OK, ok.outcome(), ok.failure());
        assertTrue(ok.text().contains("118/76"));
        assertTrue(seconds >= 11, "it was cut short by the kill and parsed again alone (" + seconds + " s)");
    }

    @Test
    void aCrashOrAnOutOfMemoryCostsOnlyItself() throws Exception {
        for (String marker : List.of(MisbehavingParseWorker.CRASH, MisbehavingParseWorker.OOM)) {
            List<Future<Extraction>> innocents = new ArrayList<>();
            Path bad = marked(marker);
            Future<Extraction> broken = callers.submit(() -> extractor.extract(bad));
            for (int i = 0; i < 3; i++) {
                Path file = note(marker.replace(':', '-') + "-beside" + i, "Beside the broken one, note " + i + ".");
                innocents.add(callers.submit(() -> extractor.extract(file)));
            }
            Extraction failed = broken.get();
            assertEquals(ExtractionOutcome.PARSE_FAILED, failed.outcome(), marker);
            assertEquals("worker_exited", failed.failure(), marker);
            for (int i = 0; i < 3; i++) {
                Extraction e = innocents.get(i).get();
                assertEquals(ExtractionOutcome.OK, e.outcome(), marker + ": " + e.failure());
                assertTrue(e.text().contains("note " + i), e.text());
            }
            Extraction next = extractor.extract(note("after-" + marker.replace(':', '-'), "Next one parses."));
            assertEquals(ExtractionOutcome.OK, next.outcome(), "a fresh worker takes the next document");
        }
    }
}
