package health.ferry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import health.ferry.BenchResults;
import health.ferry.LoadGenerator;
import health.ferry.SyntheaLikeBundle;
import health.ferry.Tokens;
import health.ferry.connections.SandboxConnections;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import health.ferry.uploads.BenchIngest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Benchmarks 5 and 6 (docs/benchmarks.md): the @QuarkusTest app over real HTTP with real bearer tokens, loaded by
 * {@link LoadGenerator} (100 users, open loop). Each page or API is measured in pairs with a trivial endpoint of the
 * same app ({@code GET /api/v1/me}: the same sign-in and JSON stack, two small reads) at the same request rate.
 * The seeded person has a Synthea-sized chart.
 */
@QuarkusTest
class HttpLoadBenchmark {
    private static final int USERS = Integer.getInteger("bench.http.users", 100);
    private static final double RATE = Double.parseDouble(System.getProperty("bench.http.rate", "10"));
    private static final Duration WINDOW = Duration.ofSeconds(Integer.getInteger("bench.http.seconds", 8));
    private static final int PAIRS = Integer.getInteger("bench.pairs", 5);
    /** Measure only the targets whose name contains this (all when unset): for re-running one row. */
    private static final String ONLY = System.getProperty("bench.http.only", "");
    /** casey coordinates this study (studies/*.yaml). */
    private static final String STUDY = "heart-rhythm-outcomes";
    private static String person;
    private static int records;

    @Inject
    RecordStore store;
    @Inject
    FhirContext fhir;

    @BeforeEach
    void seed() {
        if (person != null) {
            return;
        }
        String id = SandboxConnections.ward("alice", "Bench Chart", "1970-05-06");
        String connection = SandboxConnections.connected("alice", id, "empty");
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, new ByteArrayInputStream(
                SyntheaLikeBundle.generate("chart-" + UUID.randomUUID(), 400)));
        RecordSource source = RecordSource.connection(UUID.fromString(connection));
        for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
            store.upsert(UUID.fromString(id), source, e.getResource());
        }
        records = bundle.getEntry().size();
        person = id;
    }

    @Test
    void pagesAndApiAgainstTrivialEndpoint() {
        Target trivial = new Target("trivial: GET /api/v1/me", "/api/v1/me", "alice", false);
        List<Target> targets = List.of(new Target("participant home (HTML)", "/home", "alice", true),
                new Target("records page (HTML)", "/records", "alice", true),
                new Target("coordinator page (HTML, /coordinator)", "/coordinator", "casey", true),
                new Target("coordinator review queue (HTML, /coordinator/studies/{id}/queue)",
                        "/coordinator/studies/" + STUDY + "/queue", "casey", true),
                new Target("JSON GET /api/v1/people/{id}/records", "/api/v1/people/" + person + "/records", "alice",
                        false));
        warm(trivial);
        List<String> rows = new ArrayList<>();
        for (Target t : targets.stream().filter(x -> x.name().contains(ONLY)).toList()) {
            warm(t);
            double[] p95 = new double[PAIRS];
            double[] trivialP95 = new double[PAIRS];
            double[] p50 = new double[PAIRS];
            double[] cpu = new double[PAIRS];
            double[] trivialCpu = new double[PAIRS];
            int[] errors = {0};
            int[] k = {0, 0};
            BenchResults.Pairs pairs = BenchResults.pairs(PAIRS, () -> {
                LoadGenerator.Window w = load(t);
                errors[0] += w.errors();
                cpu[k[0]] = w.cpuPerRequest();
                p50[k[0]] = w.p50();
                return p95[k[0]++] = w.p95();
            }, () -> {
                LoadGenerator.Window w = load(trivial);
                errors[0] += w.errors();
                trivialCpu[k[1]] = w.cpuPerRequest();
                return trivialP95[k[1]++] = w.p95();
            });
            double ratio = pairs.medianRatio();
            double p = BenchResults.median(p95);
            boolean met = ratio <= 5 && (!t.html() || p < 200) && errors[0] == 0;
            rows.add(String.format(Locale.ROOT, "| 5 | %s, %d users, %.0f req/s | p95 %s ms (p50 %s, CPU %s "
                    + "ms/request) | %s p95 %s ms (CPU %s ms/request) | %.2f× (pairs: %s) | ≤ 5×%s | %s |",
                    t.name(), USERS, RATE,
                    BenchResults.fmt(p), BenchResults.fmt(BenchResults.median(p50)),
                    BenchResults.fmt(BenchResults.median(cpu)), trivial.name(),
                    BenchResults.fmt(BenchResults.median(trivialP95)),
                    BenchResults.fmt(BenchResults.median(trivialCpu)), ratio, pairs.ratiosText(),
                    t.html() ? " and p95 < 200 ms" : "", (met ? "yes" : "**no**")
                            + (errors[0] > 0 ? " (" + errors[0] + " non-200 answers)" : "")));
        }
        BenchResults.record("5-http", rows, List.of(String.format(Locale.ROOT, "the @QuarkusTest app (profile %s) and "
                + "the load generator share the JVM and the machine; the seeded person has %d records (the records page shows a "
                + "bounded part of each category; the JSON API, a plain GET, answers every pending record at once); the review "
                + "queue holds what "
                + "the benchmark database holds (no uploads are seeded for it); %s windows.",
                System.getProperty("quarkus.test.profile", "test"), records, WINDOW)));
    }

    @Test
    void apiDuringIngest() throws IOException {
        Target api = new Target("JSON GET /api/v1/people/{id}/records", "/api/v1/people/" + person + "/records",
                "alice", false);
        warm(api);
        List<Process> running = new ArrayList<>();
        BenchResults.Pairs pairs;
        try {
            pairs = BenchResults.pairs(PAIRS, () -> {
                try {
                    Process ingest = BenchIngest.start();
                    running.add(ingest);
                    Thread.sleep(3_000); // the ingest JVM and its worker are up and parsing
                    double p = load(api).p95();
                    BenchIngest.stop(ingest);
                    return p;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }, () -> load(api).p95());
        } finally {
            running.forEach(BenchIngest::stop);
        }
        double ratio = pairs.medianRatio();
        BenchResults.record("6-api-during-ingest", List.of(String.format(Locale.ROOT,
                "| 6 | %s, %d users, %.0f req/s, while the 100 MB ingest runs | p95 %s ms | no ingest: p95 %s ms | "
                        + "%.2f× (pairs: %s) | ≤ 2× | %s |", api.name(), USERS, RATE,
                BenchResults.fmt(BenchResults.median(pairs.ferry())),
                BenchResults.fmt(BenchResults.median(pairs.baseline())), ratio, pairs.ratiosText(),
                ratio <= 2 ? "yes" : "**no**")),
                List.of("the ingest runs in its own JVM (production flags) plus its Tika worker, as the 100 MB "
                        + "ingest of benchmark 1, beside the @QuarkusTest app: the same CPU and disk contention as "
                        + "the app's own upload job, which drives the same engine."));
    }

    private record Target(String name, String path, String user, boolean html) {
    }

    private void warm(Target t) {
        assertEquals(200, Tokens.as(t.user()).cookie("ferry_acting", person).get(t.path()).statusCode(), t.path());
        LoadGenerator.run(uri(t), headers(t), 10, 20, Duration.ofSeconds(3));
    }

    private LoadGenerator.Window load(Target t) {
        return LoadGenerator.run(uri(t), headers(t), USERS, RATE, WINDOW);
    }

    private static URI uri(Target t) {
        return URI.create("http://localhost:" + RestAssured.port + t.path());
    }

    private static Map<String, String> headers(Target t) {
        return Map.of("Authorization", "Bearer " + Tokens.of(t.user()), "Cookie", "ferry_acting=" + person,
                "Accept", t.html() ? "text/html" : "application/json");
    }
}
