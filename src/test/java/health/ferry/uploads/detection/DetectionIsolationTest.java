package health.ferry.uploads.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hard requirement: a parser that hangs, loops, runs out of memory or crashes costs one document, never the
 * calling JVM; the next document parses in a fresh worker; a worker never outlives its parent.
 */
class DetectionIsolationTest {
    private static final ExtractionSettings SETTINGS = new ExtractionSettings(Duration.ofSeconds(8),
            Duration.ofSeconds(60), "128m", 100_000, 10, 2, 1_000, null);

    @TempDir
    static Path dir;
    static DocumentExtractor extractor;
    static Path normal;

    @BeforeAll
    static void startWorker() throws IOException {
        extractor = new DocumentExtractor(SETTINGS, MisbehavingParseWorker.class.getName());
        normal = Files.writeString(dir.resolve("normal"), "Blood pressure 120/80, pulse 64.");
    }

    @AfterAll
    static void stopWorker() {
        extractor.close();
    }

    private static Path marked(String marker) throws IOException {
        return Files.writeString(dir.resolve(marker.replace(':', '-')), marker + "\nrest of the document");
    }

    private static void assertNextDocumentParses() throws IOException {
        Extraction next = extractor.extract(normal);
        assertEquals(ExtractionOutcome.OK, next.outcome(), next.failure());
        assertTrue(next.text().contains("Blood pressure 120/80"), next.text());
    }

    @Test
    void hangingParserIsTimedOutAndKilledAndTheNextDocumentStillParses() throws IOException {
        assertNextDocumentParses();
        long before = extractor.workerPid();
        Path scratch = extractor.workerScratch();
        assertTrue(Files.isDirectory(scratch));
        long start = System.nanoTime();
        Extraction hung = extractor.extract(marked(MisbehavingParseWorker.HANG));
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(ExtractionOutcome.TIMED_OUT, hung.outcome());
        assertEquals("timeout", hung.failure());
        assertEquals("text/plain", hung.mediaType(), "the type detected before the hang is kept");
        assertTrue(seconds >= 7 && seconds < 25, "the per-document limit applies: " + seconds + " s");
        assertTrue(ProcessHandle.of(before).map(ProcessHandle::isAlive).orElse(false) == false,
                "the hung worker was killed");
        assertFalse(Files.exists(scratch), "a killed worker's temporary folder is removed");
        assertNextDocumentParses();
        assertNotEquals(before, extractor.workerPid());
    }

    @Test
    void outOfMemoryEndsTheWorkerNotTheCaller() throws IOException {
        Extraction oom = extractor.extract(marked(MisbehavingParseWorker.OOM));
        assertEquals(ExtractionOutcome.PARSE_FAILED, oom.outcome());
        assertEquals("worker_exited", oom.failure());
        assertNextDocumentParses();
    }

    @Test
    void crashingWorkerCostsOneDocument() throws IOException {
        Extraction crash = extractor.extract(marked(MisbehavingParseWorker.CRASH));
        assertEquals(ExtractionOutcome.PARSE_FAILED, crash.outcome());
        assertNextDocumentParses();
    }

    @Test
    void workerExitsWhenItsParentIsKilledEvenWhileHanging() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process parent = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                ParentDeathProbe.class.getName(), normal.toString(), marked(MisbehavingParseWorker.HANG).toString())
                .redirectErrorStream(true).start();
        long workerPid;
        long parentPid = parent.pid();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(parent.getInputStream(), StandardCharsets.UTF_8))) {
            workerPid = readWorkerPid(out);
            Thread.sleep(1_000);
            parent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        Optional<ProcessHandle> worker = ProcessHandle.of(workerPid);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (worker.map(ProcessHandle::isAlive).orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        boolean alive = worker.map(ProcessHandle::isAlive).orElse(false);
        worker.filter(ProcessHandle::isAlive).ifPresent(ProcessHandle::destroyForcibly);
        assertTrue(!alive, "the worker of a killed parent must exit by itself");
        WorkerScratch.sweepOrphansNow();
        try (var left = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            assertTrue(left.noneMatch(f -> f.getFileName().toString().startsWith("ferry-worker-" + parentPid + "-")),
                    "the killed app's worker folder is swept");
        }
    }

    private static long readWorkerPid(BufferedReader out) throws IOException {
        String line;
        while ((line = out.readLine()) != null) {
            if (line.startsWith("worker ")) {
                return Long.parseLong(line.substring(7).trim());
            }
        }
        throw new AssertionError("the probe parent never reported its worker");
    }

    @Test
    void workerIsReplacedAfterItsDocumentQuota() throws IOException {
        ExtractionSettings two = new ExtractionSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), "128m",
                1_000, 1, 1, 2, null);
        try (DocumentExtractor quota = new DocumentExtractor(two)) {
            quota.extract(normal);
            long first = quota.workerPid();
            quota.extract(normal);
            assertEquals(-1, quota.workerPid(), "retired after two documents");
            quota.extract(normal);
            assertNotEquals(first, quota.workerPid());
        }
    }

    @Test
    void aWorkerThatCannotStartIsAnIoErrorNotADocumentFailure() {
        ExtractionSettings broken = new ExtractionSettings(Duration.ofSeconds(5), Duration.ofSeconds(20), "64m",
                1_000, 1, 1, 10, dir.resolve("no-such-classpath").toString());
        try (DocumentExtractor extractor = new DocumentExtractor(broken)) {
            IOException failure = assertThrows(IOException.class, () -> extractor.extract(normal));
            assertTrue(failure.getMessage().contains("did not start"), failure.getMessage());
        }
    }

    /**
     * Dev mode: the JVM's class path is only the dev jar (its manifest names the libraries), Ferry's classes come from
     * target/classes through Quarkus' own class loader. The worker gets both, the classes first.
     */
    @Test
    void childClassPathInDevModeHoldsFerrysOwnClasses() {
        String sep = java.io.File.pathSeparator;
        assertEquals("/p/target/classes" + sep + "/m2/tika-core.jar" + sep + "/p/target/ferry-dev.jar",
                WorkerCommand.classpath(null, "/p/target/ferry-dev.jar", List.of(Path.of("/p/target/classes"),
                        Path.of("/m2/tika-core.jar"), Path.of("/p/target/ferry-dev.jar"))));
        assertEquals(List.of(), WorkerCommand.appRoots(WorkerCommand.class), "tests: the JVM's class path is the app's");
        String resource = "health/ferry/uploads/detection/ParseWorker.class";
        assertEquals(Path.of("/Users/Jane Doe/My Projects/ferry/target/classes"), WorkerCommand.classesRoot(
                "file:/Users/Jane%20Doe/My%20Projects/ferry/target/classes/" + resource, resource));
        assertEquals(Path.of("/home/j\u00f6rg/ferry/target/classes"), WorkerCommand.classesRoot(
                "file:/home/j%C3%B6rg/ferry/target/classes/" + resource, resource));
        assertEquals(Path.of("/opt/ferry app/app/ferry.jar"), WorkerCommand.classesRoot(
                "jar:file:/opt/ferry%20app/app/ferry.jar!/" + resource, resource));
        assertEquals(null, WorkerCommand.classesRoot("quarkus:/somewhere/" + resource, resource));
        Path here = WorkerCommand.classesRoot(WorkerCommand.class);
        assertTrue(here != null && Files.exists(here.resolve(resource)), String.valueOf(here));
    }

    /**
     * The dev-mode shape, for real: Ferry's classes and libraries are loaded by a class loader of their own, and the
     * JVM's class path holds neither (a bare jar, as dev mode's {@code ferry-dev.jar} is for them). The class path
     * derived from that class loader starts a worker that reads a document.
     */
    @Test
    void aWorkerStartsFromTheRootsOfFerrysOwnClassLoader() throws Exception {
        List<java.net.URL> urls = new java.util.ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        Path bare = Files.write(dir.resolve("ferry-dev.jar"), new byte[0]);
        try (java.net.URLClassLoader own = new java.net.URLClassLoader(urls.toArray(java.net.URL[]::new),
                ClassLoader.getPlatformClassLoader())) {
            Class<?> command = own.loadClass(WorkerCommand.class.getName());
            java.lang.reflect.Method roots = command.getDeclaredMethod("appRoots", Class.class);
            roots.setAccessible(true);
            @SuppressWarnings("unchecked")
            List<Path> found = (List<Path>) roots.invoke(null, command);
            assertTrue(found.size() > 10 && found.get(0).equals(WorkerCommand.classesRoot(WorkerCommand.class)),
                    found::toString);
            String classPath = WorkerCommand.classpath(null, bare.toString(), found);
            ExtractionSettings dev = new ExtractionSettings(Duration.ofSeconds(30), Duration.ofSeconds(60), "128m",
                    100_000, 10, 2, 10, classPath);
            try (DocumentExtractor extractor = new DocumentExtractor(dev)) {
                Extraction read = extractor.extract(normal);
                assertEquals(ExtractionOutcome.OK, read.outcome(), String.valueOf(read.failure()));
                assertTrue(read.text().contains("pulse 64"), read.text());
            }
        }
    }

    @Test
    void missingFileIsAnIoError() {
        assertThrows(IOException.class, () -> extractor.extract(dir.resolve("absent")));
    }

    @Test
    void childClassPathInTestsAndInThePackagedFastJar() {
        String sep = java.io.File.pathSeparator;
        assertEquals("/opt/ferry/lib/boot/*" + sep + "/opt/ferry/lib/main/*" + sep + "/opt/ferry/app/*",
                WorkerCommand.classpath(null, "/opt/ferry/quarkus-run.jar", List.of()));
        assertEquals("/x/a.jar" + sep + "/x/classes", WorkerCommand.classpath("", "/x/a.jar" + sep + "/x/classes", List.of()));
        assertEquals("/custom/*", WorkerCommand.classpath("/custom/*", "/opt/ferry/quarkus-run.jar", List.of()));
        List<String> command = WorkerCommand.build(SETTINGS, ParseWorker.class.getName(), dir);
        assertTrue(command.containsAll(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError",
                "-Djava.io.tmpdir=" + dir)), command::toString);
    }
}
