package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.BenchResults;
import health.ferry.uploads.BenchIngest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks 1 and 2 end to end (docs/benchmarks.md, issue 25): what a participant waits for. The packaged app
 * ({@code quarkus-run.jar}, prod profile, PostgreSQL, a real Keycloak) receives the generated ~100 MB records ZIP over
 * HTTP (a streamed multipart request with a bearer token) and is timed from the request's first byte until the upload
 * reads {@code ready_for_review}; the baseline is tika-app's batch mode ({@code -t -i -o}) writing the text of the same
 * files, unpacked. The two alternate in pairs, the order flipping every pair: first with OCR off on both sides, then
 * with OCR on on both sides (Ferry's default OCR settings; tika-app with its Tesseract parser configured to the same
 * language and time limit). Then a ~1,000 MiB ZIP goes the same way while the app JVM's and its worker JVMs' RSS are
 * sampled every 50 ms. Each run uploads for a new enrolled ward (the same bytes twice for one person are refused).
 *
 * <p>With {@code -Dbench.e2e.target=http://localhost:PORT -Dbench.e2e.oidc=<dev OIDC URL>} it measures a running
 * {@code ./mvnw quarkus:dev} (H2) instead, with the OCR-off pairs only (dev mode's OCR setting is its own).
 */
class EndToEndIngestBenchmarkIT {
    private static final int PAIRS = Integer.getInteger("bench.pairs", 5);
    private static final int OCR_PAIRS = Integer.getInteger("bench.e2e.ocr-pairs", 3);
    private static final String TARGET = System.getProperty("bench.e2e.target", "");
    private static final boolean LARGE = Boolean.parseBoolean(System.getProperty("bench.e2e.large", "true"));
    private static final long SMALL_BYTES = 100L * 1024 * 1024;
    private static final long LARGE_BYTES = 1000L * 1024 * 1024;
    private static final Path WORK = BenchResults.DIR.resolve("ingest");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void uploadUntilReadyForReviewAgainstTikaApp() throws Exception {
        Path tikaApp = BenchResults.DIR.resolve("tika-app.jar").toAbsolutePath();
        Prerequisites.need(Files.isRegularFile(tikaApp), tikaApp + " (copied by ./mvnw -Pbench)");
        BenchIngest.Data small = BenchIngest.generated("data-100m", SMALL_BYTES);
        if (!TARGET.isBlank()) {
            devMode(small, tikaApp);
            return;
        }
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        int port = Prerequisites.port(31);
        KeycloakServer keycloak = KeycloakServer.shared("http://localhost:" + port);
        try (ProofDatabase db = new ProofDatabase("e2eingest")) {
            Series off;
            Series on;
            try (Running app = start(keycloak, db, port, "e2e-ingest", false, false)) {
                off = series(app, small, tikaApp, false, PAIRS);
            }
            recordRows(small, off, null, null); // written at once: the OCR pairs take long
            try (Running app = start(keycloak, db, port, "e2e-ingest-ocr", true, false)) {
                on = series(app, small, tikaApp, true, OCR_PAIRS);
            }
            recordRows(small, off, on, null);
            if (LARGE) {
                BenchIngest.Data large = BenchIngest.generated("data-1000m", LARGE_BYTES);
                try (Running app = start(keycloak, db, port, "e2e-ingest-large", false, true)) {
                    recordRows(small, off, on, memory(app, large, small));
                }
            }
        }
    }

    /** One measured series: an unmeasured upload first (the worker JVM's start), then the pairs. */
    private Series series(Running app, BenchIngest.Data data, Path tikaApp, boolean ocr, int pairs) throws Exception {
        app.ingest(data.zip(), "warm-up");
        Path config = tikaConfig(ocr);
        app.recording("start");
        List<Run> runs = new ArrayList<>();
        double load = load();
        BenchResults.Pairs measured = BenchResults.pairs(pairs, () -> {
            Run run = app.measured(data.zip());
            runs.add(run);
            System.out.printf(Locale.ROOT, "[bench] e2e%s: request %.0f ms, ready %.0f ms, %d documents%n",
                    ocr ? " (OCR)" : "", run.requestMs(), run.readyMs(), run.documents());
            return run.readyMs();
        }, () -> tikaApp(tikaApp, data.folder(), config));
        app.recording(ocr ? "stop-ocr" : "stop");
        for (Run run : runs) {
            assertEquals(data.documents(), run.documents(), "every document of the ZIP is in the upload");
        }
        return new Series(measured, runs, load, load());
    }

    private record Run(double requestMs, double readyMs, int documents) {
    }

    private record Series(BenchResults.Pairs pairs, List<Run> runs, double loadBefore, double loadAfter) {
        double medianRequestMs() {
            return BenchResults.median(runs.stream().mapToDouble(Run::requestMs).toArray());
        }
    }

    private record Memory(long peakBothBytes, long appPeakBytes, long workerPeakBytes, double wallMs, long zipBytes,
            long smallPeakBytes) {
    }

    /** The large upload with RSS sampled; the small one's peak measured the same way, for the ratio. */
    private Memory memory(Running app, BenchIngest.Data large, BenchIngest.Data small) throws Exception {
        app.ingest(small.zip(), "warm-up");
        Sampler smallSampler = new Sampler(app.pid());
        app.ingest(small.zip(), "memory-small");
        smallSampler.stop();
        Sampler sampler = new Sampler(app.pid());
        Run run = app.ingest(large.zip(), "memory-large");
        sampler.stop();
        assertEquals(large.documents(), run.documents());
        return new Memory(sampler.peakBoth.get(), sampler.peakApp.get(), sampler.peakWorker.get(), run.readyMs(),
                Files.size(large.zip()), smallSampler.peakBoth.get());
    }

    /** Samples the RSS of the app JVM and of every process under it (the extraction workers) every 50 ms. */
    private static final class Sampler {
        final AtomicLong peakBoth = new AtomicLong();
        final AtomicLong peakApp = new AtomicLong();
        final AtomicLong peakWorker = new AtomicLong();
        private final Thread thread;
        private volatile boolean running = true;

        Sampler(long pid) {
            thread = new Thread(() -> {
                while (running) {
                    long app = BenchResults.rss(pid);
                    long workers = ProcessHandle.of(pid).map(p -> p.descendants()
                            .mapToLong(d -> BenchResults.rss(d.pid())).sum()).orElse(0L);
                    peakApp.accumulateAndGet(app, Math::max);
                    peakWorker.accumulateAndGet(workers, Math::max);
                    peakBoth.accumulateAndGet(app + workers, Math::max);
                    try {
                        Thread.sleep(50);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "rss-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        void stop() throws InterruptedException {
            running = false;
            thread.join();
        }
    }

    /** The packaged app with a fresh upload folder, OCR on or off; the large run allows 4 GiB unpacked. */
    private Running start(KeycloakServer keycloak, ProofDatabase db, int port, String name, boolean ocr,
            boolean large) throws Exception {
        Path uploads = Files.createTempDirectory("ferry-" + name);
        FerryInstance.Cluster cluster = new FerryInstance.Cluster(keycloak, db, uploads)
                .property("ferry.uploads.extraction.ocr.enabled", Boolean.toString(ocr))
                // a new ward per run: above an account's ward limits (20, and 10 an hour)
                .property("ferry.accounts.max-people", "500")
                .property("ferry.accounts.max-new-people-per-hour", "500");
        if (large) {
            cluster.property("ferry.uploads.archive.max-total-size", "4G");
        }
        FerryInstance instance = cluster.instance(name, port).start();
        return new Running(instance, uploads, keycloak);
    }

    /** A started app and a participant's token, refreshed before each upload (Keycloak's tokens live 5 minutes). */
    private final class Running implements AutoCloseable {
        private final FerryInstance instance;
        private final Path uploads;
        private final KeycloakServer keycloak;
        private final String base;
        private final String devToken;
        private int wards;

        Running(FerryInstance instance, Path uploads, KeycloakServer keycloak) {
            this.instance = instance;
            this.uploads = uploads;
            this.keycloak = keycloak;
            this.base = instance.baseUrl();
            this.devToken = null;
        }

        /** A running dev mode at {@code base}, its token from the dev OIDC server. */
        Running(String base, String devToken) {
            this.instance = null;
            this.uploads = null;
            this.keycloak = null;
            this.base = base;
            this.devToken = devToken;
        }

        long pid() {
            return instance.pid();
        }

        /**
         * With {@code -Dbench.e2e.jfr=true}: a JFR recording (profile settings) of the app JVM over the pairs, started
         * and stopped with {@code jcmd}, written to {@code target/benchmarks/e2e-<instance>.jfr}.
         */
        void recording(String step) throws IOException, InterruptedException {
            if (instance == null || !Boolean.getBoolean("bench.e2e.jfr")) {
                return;
            }
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Path file = BenchResults.DIR.resolve("e2e-" + instance.name + ".jfr").toAbsolutePath();
            List<String> command = step.equals("start")
                    ? List.of(jcmd.toString(), Long.toString(pid()), "JFR.start", "name=e2e", "settings=profile")
                    : List.of(jcmd.toString(), Long.toString(pid()), "JFR.stop", "name=e2e", "filename=" + file);
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(2, TimeUnit.MINUTES);
            System.out.println("[bench] jcmd " + step + ": " + out.strip());
        }

        /** {@link #ingest} for a pair, whose suppliers cannot throw checked exceptions. */
        Run measured(Path zip) {
            try {
                return ingest(zip, "pair");
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        Run ingest(Path zip, String purpose) throws Exception {
            String token = devToken != null ? devToken : new KeycloakLogin(keycloak).accessToken("alice", base);
            String person = new FerryApi(base, token).ward("E2E " + purpose + " " + ++wards);
            long t0 = System.nanoTime();
            String id = upload(base, token, person, zip);
            double requestMs = (System.nanoTime() - t0) / 1e6;
            JsonNode upload = untilFinished(base, token, id);
            double readyMs = (System.nanoTime() - t0) / 1e6;
            String status = upload.path("status").asText();
            if (!"ready_for_review".equals(status)) {
                throw new IllegalStateException("upload " + id + " ended " + status + ": " + upload.path("rejection"));
            }
            return new Run(requestMs, readyMs, upload.path("documents").size());
        }

        @Override
        public void close() throws Exception {
            if (instance != null) {
                instance.close();
                deleteTree(uploads);
            }
        }
    }

    /** The ZIP as a browser or client sends it: one multipart request streamed from the file, a bearer token. */
    private String upload(String base, String token, String person, Path zip) throws IOException, InterruptedException {
        String boundary = "ferry-bench-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"prerequisiteConfirmed\"\r\n\r\n"
                + "true\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; "
                + "filename=\"records.zip\"\r\nContent-Type: application/zip\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + "/api/v1/studies/" + FerryApi.STUDY
                + "/people/" + person + "/supporting-documents"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(zip), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 202) {
            throw new IllegalStateException("upload answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body()).path("id").asText();
    }

    /** Polls the upload every 100 ms until it has left received/processing (30 minutes at most). */
    private JsonNode untilFinished(String base, String token, String id) throws Exception {
        long until = System.currentTimeMillis() + TimeUnit.MINUTES.toMillis(30);
        HttpRequest get = HttpRequest.newBuilder(URI.create(base + "/api/v1/uploads/" + id))
                .header("Authorization", "Bearer " + token).GET().build();
        while (System.currentTimeMillis() < until) {
            HttpResponse<String> response = http.send(get, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                JsonNode upload = JSON.readTree(response.body());
                String status = upload.path("status").asText();
                if (!"received".equals(status) && !"processing".equals(status)) {
                    return upload;
                }
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("upload " + id + " did not finish in 30 minutes");
    }

    /** tika-app's batch mode over {@code folder} with {@code config}, niced as Ferry's worker is; wall ms. */
    static double tikaApp(Path jar, Path folder, Path config) {
        Path out = WORK.resolve("tika-app-out-e2e");
        try {
            deleteTree(out);
            List<String> command = new ArrayList<>();
            Path nice = Path.of("/usr/bin/nice");
            if (Files.isExecutable(nice)) {
                command.addAll(List.of(nice.toString(), "-n", "10"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                    jar.toString(), "--config=" + config.toAbsolutePath(), "-t", "-i",
                    folder.toAbsolutePath().toString(), "-o", out.toAbsolutePath().toString()));
            Path logs = Files.createDirectories(BenchResults.DIR.resolve("logs"));
            long t0 = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectOutput(logs.resolve("tika-app-e2e.out").toFile())
                    .redirectError(logs.resolve("tika-app-e2e.err").toFile()).start();
            if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("tika-app failed; see target/benchmarks/logs/tika-app-e2e.err");
            }
            return (System.nanoTime() - t0) / 1e6;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * tika-app's configuration: without OCR, the Tesseract parser left out and PDFs not OCR'd; with OCR, Tesseract
     * with Ferry's defaults (English, 45 s a document) and PDF pages without text OCR'd.
     */
    static Path tikaConfig(boolean ocr) throws IOException {
        String parsers = ocr
                ? "<parser class=\"org.apache.tika.parser.DefaultParser\"/>\n"
                        + "<parser class=\"org.apache.tika.parser.ocr.TesseractOCRParser\"><params>"
                        + "<param name=\"language\" type=\"string\">eng</param>"
                        + "<param name=\"timeoutSeconds\" type=\"int\">45</param></params></parser>\n"
                        + "<parser class=\"org.apache.tika.parser.pdf.PDFParser\"><params>"
                        + "<param name=\"ocrStrategy\" type=\"string\">auto</param></params></parser>\n"
                : "<parser class=\"org.apache.tika.parser.DefaultParser\">"
                        + "<parser-exclude class=\"org.apache.tika.parser.ocr.TesseractOCRParser\"/>"
                        + "<parser-exclude class=\"org.apache.tika.parser.pdf.PDFParser\"/></parser>\n"
                        + "<parser class=\"org.apache.tika.parser.pdf.PDFParser\"><params>"
                        + "<param name=\"ocrStrategy\" type=\"string\">no_ocr</param></params></parser>\n";
        Path file = Files.createDirectories(WORK).resolve(ocr ? "tika-config-ocr.xml" : "tika-config-no-ocr.xml");
        return Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<properties>\n<parsers>\n"
                + parsers + "</parsers>\n</properties>\n");
    }

    /** Dev mode on H2 (a running {@code quarkus:dev}): the OCR-off pairs only, reported as a note. */
    private void devMode(BenchIngest.Data small, Path tikaApp) throws Exception {
        String oidc = System.getProperty("bench.e2e.oidc");
        Prerequisites.need(oidc != null, "-Dbench.e2e.oidc (the dev OIDC server's URL, from the dev log)");
        String token = io.restassured.RestAssured.given().formParam("grant_type", "password")
                .formParam("client_id", "quarkus-app").formParam("username", "alice").formParam("scope", "openid")
                .post(oidc + "/token").then().statusCode(200).extract().path("access_token");
        Series dev = series(new Running(TARGET, token), small, tikaApp, false, PAIRS);
        BenchResults.record("1-ingest-dev", List.of(), List.of(String.format(Locale.ROOT,
                "End to end in dev mode (`./mvnw quarkus:dev`, H2) at %s, OCR as dev mode has it: %s s against "
                        + "tika-app (OCR off) %s s, %.2f× (pairs: %s; target ≤ 1.0×); the upload request %s s; load "
                        + "%.1f → %.1f; %s.", TARGET, sec(BenchResults.median(dev.pairs().ferry())),
                sec(BenchResults.median(dev.pairs().baseline())), dev.pairs().medianRatio(),
                dev.pairs().ratiosText(), sec(dev.medianRequestMs()), dev.loadBefore(), dev.loadAfter(),
                BenchResults.machine())));
    }

    private static void recordRows(BenchIngest.Data small, Series off, Series on, Memory memory) throws IOException {
        double ratio = off.pairs().medianRatio();
        BenchResults.record("1-ingest", List.of(String.format(Locale.ROOT,
                "| 1 | Supporting Documents end to end: HTTP upload of a %s ZIP (%d documents) to the packaged app on "
                        + "PostgreSQL until `ready_for_review`, OCR off | %s s | tika-app %s `-t -i -o`, OCR off: %s s "
                        + "| %.2f× (pairs: %s) | ≤ 0.50× | %s |",
                BenchResults.mib(Files.size(small.zip())), small.documents(),
                sec(BenchResults.median(off.pairs().ferry())), System.getProperty("bench.tika-app.version", "?"),
                sec(BenchResults.median(off.pairs().baseline())), ratio, off.pairs().ratiosText(),
                ratio <= 0.50 ? "yes" : "**no**")),
                List.of(String.format(Locale.ROOT, "End to end: the upload request itself (store, hash, fsync, "
                        + "record) took %s s of it (median); one unmeasured upload first (the worker JVM's start); "
                        + "load average %.1f before the pairs, %.1f after.", sec(off.medianRequestMs()),
                        off.loadBefore(), off.loadAfter()),
                        on == null ? "OCR on, both sides: not measured yet in this run." : String.format(Locale.ROOT,
                                "OCR on, both sides (Ferry's defaults; tika-app's Tesseract with English and 45 s): "
                                        + "Ferry %s s, tika-app %s s, %.2f× (pairs: %s); load %.1f → %.1f.",
                                sec(BenchResults.median(on.pairs().ferry())),
                                sec(BenchResults.median(on.pairs().baseline())), on.pairs().medianRatio(),
                                on.pairs().ratiosText(), on.loadBefore(), on.loadAfter())));
        if (memory != null) {
            double memRatio = (double) memory.peakBothBytes() / memory.smallPeakBytes();
            BenchResults.record("2-ingest-memory", List.of(String.format(Locale.ROOT,
                    "| 2 | Peak RSS end to end (app JVM + its workers, sampled every 50 ms), HTTP upload of a %s ZIP "
                            + "until `ready_for_review` | %s | 100 MB upload: %s | %.2f× | ≤ 1.20× and < 512 MiB | %s |",
                    BenchResults.mib(memory.zipBytes()), BenchResults.mib(memory.peakBothBytes()),
                    BenchResults.mib(memory.smallPeakBytes()), memRatio,
                    memRatio <= 1.2 && memory.peakBothBytes() < 512L * 1048576 ? "yes" : "**no**")),
                    List.of(String.format(Locale.ROOT, "The large upload took %s s end to end; app JVM peak %s, "
                            + "workers' peak %s (each sampled on its own; the row is their highest sum). App JVM: "
                            + "%s; the run allows 4 GiB unpacked.", sec(memory.wallMs()),
                            BenchResults.mib(memory.appPeakBytes()), BenchResults.mib(memory.workerPeakBytes()),
                            String.join(" ", FerryInstance.JVM_FLAGS))));
        }
    }

    private static String sec(double ms) {
        return BenchResults.fmt(ms / 1000);
    }

    private static double load() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (var walk = Files.walk(root)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
