package health.ferry.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ca.uhn.fhir.context.FhirContext;
import health.ferry.BenchResults;
import health.ferry.SyntheaLikeBundle;
import health.ferry.connections.PortalAccess;
import health.ferry.connections.SandboxConnections;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 3 (docs/benchmarks.md): a Synthea-sized bundle through the sync's import path (the page read once
 * with Jackson by {@link ConnectionSync#bundle}, then {@link ConnectionSync#store}: category check, record ids
 * derived from the keys, one look-up of the rows the page already has by primary key, new rows streamed through
 * binary COPY as they are mapped, in one transaction through records.RecordStore, as a sync stores a page) against
 * HAPI parsing the same bytes alone.
 */
@QuarkusTest
class FhirImportBenchmark {
    private static final int ENCOUNTERS = Integer.getInteger("bench.fhir.encounters", 400);
    /**
     * Unmeasured rounds of both sides first, each with its own bundle (an import must store new records): one round
     * left both paths half-compiled, and the pairs then measured the JIT (pairs from 0.57 to 2.2 in one run).
     */
    private static final int WARM_UPS = Integer.getInteger("bench.fhir.warmups", 5);
    /**
     * Pairs measured: each side takes ~0.1 s, so more than the 5 of the slower benchmarks costs nothing and steadies
     * the median against a slow stretch of this shared machine.
     */
    private static final int PAIRS = Integer.getInteger("bench.fhir.pairs", Integer.getInteger("bench.pairs", 11));

    /** Of each Ferry run: how long reading the bundle took (the rest is mapping, storing and the commit). */
    private final List<Double> parseMs = new java.util.ArrayList<>();

    @Inject
    ConnectionSync sync;
    @Inject
    FhirContext fhir;

    @Test
    void importAgainstHapiParse() {
        String person = SandboxConnections.ward("erin", "Bench Import", "1970-05-06");
        String connection = SandboxConnections.connected("erin", person, "empty");
        PortalAccess.Session session = new PortalAccess.Session(UUID.fromString(connection), UUID.fromString(person),
                URI.create("http://localhost/sandbox/fhir"), "bench", "unused");
        int pairs = PAIRS;
        byte[][] bundles = new byte[pairs + WARM_UPS][];
        for (int i = 0; i < bundles.length; i++) {
            bundles[i] = SyntheaLikeBundle.generate("b" + i + "-" + UUID.randomUUID(), ENCOUNTERS);
        }
        int entries = fhir.newJsonParser().parseResource(Bundle.class, new ByteArrayInputStream(bundles[0]))
                .getEntry().size();
        for (int w = 0; w < WARM_UPS; w++) { // unmeasured
            ferry(session, bundles[pairs + w], entries);
            hapi(bundles[pairs + w]);
        }
        parseMs.clear();
        int[] next = {0, 0};
        BenchResults.Pairs times = BenchResults.pairs(pairs, () -> ferry(session, bundles[next[0]++], entries),
                () -> hapi(bundles[next[1]++]));
        BenchResults.Pairs throughput = new BenchResults.Pairs(times.baseline(), times.ferry());
        double ratio = throughput.medianRatio();
        double ferryMs = BenchResults.median(times.ferry());
        double hapiMs = BenchResults.median(times.baseline());
        BenchResults.record("3-fhir-import", List.of(String.format(Locale.ROOT,
                "| 3 | FHIR import, Synthea-sized bundle (%d entries, %.1f MB): parse, map, store | %.0f resources/s "
                        + "(%s ms) | HAPI parse alone: %.0f resources/s (%s ms) | %.2f× throughput (pairs: %s) | "
                        + "≥ 0.70× | %s |", entries, bundles[0].length / 1e6, entries * 1000 / ferryMs,
                BenchResults.fmt(ferryMs), entries * 1000 / hapiMs, BenchResults.fmt(hapiMs), ratio,
                throughput.ratiosText(), ratio >= 0.7 ? "yes" : "**no**")),
                List.of("database: " + System.getProperty("quarkus.test.profile", "test") + " profile"
                        + " (the @QuarkusTest app); " + WARM_UPS + " unmeasured rounds of both first; garbage "
                        + "collected before each side; Ferry's runs, "
                        + "median: reading the bundle " + BenchResults.fmt(BenchResults.median(parseMs.stream()
                                .mapToDouble(Double::doubleValue).toArray())) + " ms, mapping, storing and the "
                        + "commit the rest."));
    }

    /**
     * Each side starts with the garbage of the one before collected (as JMH's {@code -gc true} does): the test JVM's
     * young collections took 20–118 ms, as long as a side itself, and landed on either side at random.
     */
    private static void settle() {
        System.gc();
    }

    private double ferry(PortalAccess.Session session, byte[] bytes, int entries) {
        settle();
        long t0 = System.nanoTime();
        ConnectionSync.Counts counts = new ConnectionSync.Counts();
        var bundle = ConnectionSync.bundle(bytes);
        long parsed = System.nanoTime();
        sync.store(session, bundle, counts);
        double ms = (System.nanoTime() - t0) / 1e6;
        parseMs.add((parsed - t0) / 1e6);
        assertEquals(entries, counts.added, "every resource stored as new");
        return ms;
    }

    private double hapi(byte[] bytes) {
        settle();
        long t0 = System.nanoTime();
        Bundle bundle = fhir.newJsonParser().parseResource(Bundle.class, new ByteArrayInputStream(bytes));
        double ms = (System.nanoTime() - t0) / 1e6;
        if (bundle.getEntry().isEmpty()) {
            throw new IllegalStateException("empty bundle");
        }
        return ms;
    }
}
