package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.BenchResults;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Benchmark 7 (docs/benchmarks.md): start-up of the packaged app ({@code target/quarkus-app/quarkus-run.jar}, prod
 * profile, configured as {@link FerryInstance} configures the proofs' instances: PostgreSQL, a real Keycloak,
 * secrets from the environment) against a bare Quarkus REST + Hibernate ORM + PostgreSQL skeleton
 * ({@code src/bench/skeleton}, the same Quarkus platform, built here with Maven offline), with the same JVM flags.
 * Start-up = process start until the first 200 answer (Ferry: {@code /q/health/ready}, which reads the database;
 * skeleton: its one endpoint, which reads its table), polled every 100 ms; RSS = VmRSS after one more request.
 * Runs alternate, the order flipping every pair. The CPU time each process used until its first 200 is noted too:
 * on a shared machine it moves much less with the load than the wall time does. After each pair the extension
 * floor ({@code src/bench/skeleton-extensions}: the skeleton plus every other Quarkus extension Ferry uses, started
 * as Ferry starts them, and no Ferry code) starts once, and its ratio to that pair's skeleton is noted: how much of
 * Ferry's start-up its extension set accounts for before any of Ferry's own code.
 */
class StartupBenchmarkIT {
    /**
     * Single pairs swing by ±0.1 on a shared 2-core machine (a stall during one start), so this row takes 9 pairs
     * (~8 s each with the floor) where the slower benchmarks take 5: the median then moves less between runs.
     */
    private static final int PAIRS = Integer.getInteger("bench.startup.pairs", Integer.getInteger("bench.pairs", 9));
    private static final Path SKELETON = Path.of("src", "bench", "skeleton");
    /** The skeleton with Ferry's other extensions and no Ferry code: the floor Ferry's extension set sets. */
    private static final Path FLOOR = Path.of("src", "bench", "skeleton-extensions");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Wall time to the first 200, RSS after one more request, CPU time (user + system) used up to that 200. */
    private record Run(double millis, long rss, double cpuMillis) {
    }

    @Test
    void startupAndRssAgainstSkeleton() throws Exception {
        Prerequisites.packagedApp();
        Prerequisites.postgres();
        build(SKELETON);
        build(FLOOR);
        KeycloakServer keycloak = KeycloakServer.shared("http://localhost:" + Prerequisites.port(10));
        try (ProofDatabase ferryDb = new ProofDatabase("startup"); ProofDatabase skeletonDb =
                new ProofDatabase("skeleton"); ProofDatabase floorDb = new ProofDatabase("floor")) {
            Map<String, String> floorEnv = Map.of("FERRY_OIDC_ISSUER", keycloak.issuer(), "FERRY_OIDC_CLIENT_SECRET",
                    keycloak.clientSecret);
            Path uploads = Files.createTempDirectory("ferry-startup");
            FerryInstance.Cluster cluster = new FerryInstance.Cluster(keycloak, ferryDb, uploads);
            ferry(cluster); // once unmeasured: Flyway creates the schema, later starts find it migrated
            skeleton(skeletonDb); // and the skeleton's table
            skeleton(FLOOR, floorDb, floorEnv); // and the floor's Flyway and Hibernate theirs
            List<Run> ferry = new ArrayList<>();
            List<Run> skeleton = new ArrayList<>();
            List<Run> floor = new ArrayList<>();
            BenchResults.Pairs time = BenchResults.pairs(PAIRS, () -> {
                Run r = unchecked(() -> ferry(cluster));
                ferry.add(r);
                return r.millis();
            }, () -> {
                Run r = unchecked(() -> skeleton(skeletonDb));
                skeleton.add(r);
                floor.add(unchecked(() -> skeleton(FLOOR, floorDb, floorEnv)));
                return r.millis();
            });
            double[] rssRatios = new double[ferry.size()];
            for (int i = 0; i < rssRatios.length; i++) {
                rssRatios[i] = (double) ferry.get(i).rss() / skeleton.get(i).rss();
            }
            double[] cpuRatios = new double[ferry.size()];
            for (int i = 0; i < cpuRatios.length; i++) {
                cpuRatios[i] = ferry.get(i).cpuMillis() / skeleton.get(i).cpuMillis();
            }
            double[] floorRatios = new double[floor.size()];
            double[] floorCpuRatios = new double[floor.size()];
            double[] floorRssRatios = new double[floor.size()];
            for (int i = 0; i < floorRatios.length; i++) {
                floorRatios[i] = floor.get(i).millis() / skeleton.get(i).millis();
                floorCpuRatios[i] = floor.get(i).cpuMillis() / skeleton.get(i).cpuMillis();
                floorRssRatios[i] = (double) floor.get(i).rss() / skeleton.get(i).rss();
            }
            double timeRatio = time.medianRatio();
            double rssRatio = BenchResults.median(rssRatios);
            long ferryRss = (long) BenchResults.median(ferry.stream().mapToDouble(Run::rss).toArray());
            long skeletonRss = (long) BenchResults.median(skeleton.stream().mapToDouble(Run::rss).toArray());
            BenchResults.record("7-startup", List.of(
                    String.format(Locale.ROOT, "| 7 | Start-up of the packaged app (process start → first 200) | "
                            + "%s ms | skeleton: %s ms | %.2f× (pairs: %s) | ≤ 1.5× | %s |",
                            BenchResults.fmt(BenchResults.median(time.ferry())),
                            BenchResults.fmt(BenchResults.median(time.baseline())), timeRatio, time.ratiosText(),
                            timeRatio <= 1.5 ? "yes" : "**no**"),
                    String.format(Locale.ROOT, "| 7 | RSS after the first request | %s | skeleton: %s | %.2f× "
                            + "(pairs: %s) | ≤ 1.5× | %s |", BenchResults.mib(ferryRss),
                            BenchResults.mib(skeletonRss), rssRatio, text(rssRatios),
                            rssRatio <= 1.5 ? "yes" : "**no**")),
                    List.of(String.format(Locale.ROOT, "CPU time (user + system) until the first 200: Ferry %s ms, "
                            + "skeleton %s ms, %.2f× (pairs: %s); load average at the end %s.",
                            BenchResults.fmt(BenchResults.median(ferry.stream().mapToDouble(Run::cpuMillis).toArray())),
                            BenchResults.fmt(BenchResults.median(skeleton.stream().mapToDouble(Run::cpuMillis)
                                    .toArray())), BenchResults.median(cpuRatios), text(cpuRatios), loadAverage()),
                            String.format(Locale.ROOT, "extension floor (the skeleton plus Ferry's other Quarkus "
                            + "extensions, started as Ferry starts them, no Ferry code; src/bench/skeleton-extensions): "
                            + "start-up %s ms, %.2f× the skeleton (pairs: %s); CPU %.2f× (pairs: %s); RSS %s, %.2f×.",
                            BenchResults.fmt(BenchResults.median(floor.stream().mapToDouble(Run::millis).toArray())),
                            BenchResults.median(floorRatios), text(floorRatios), BenchResults.median(floorCpuRatios),
                            text(floorCpuRatios), BenchResults.mib((long) BenchResults.median(floor.stream()
                                    .mapToDouble(Run::rss).toArray())), BenchResults.median(floorRssRatios)),
                            "both JVMs: " + String.join(" ", FerryInstance.JVM_FLAGS) + ", prod profile, "
                            + "PostgreSQL (schema already migrated); Ferry with a local Keycloak as OIDC provider; "
                            + "skeleton = src/bench/skeleton (quarkus-rest-jackson, hibernate-orm-panache, "
                            + "jdbc-postgresql, one entity, one endpoint)."));
        }
    }

    private static Run ferry(FerryInstance.Cluster cluster) throws Exception {
        FerryInstance ferry = cluster.instance("startup-ferry", Prerequisites.port(20));
        long start = System.nanoTime();
        try (FerryInstance running = ferry.start()) {
            double millis = (System.nanoTime() - start) / 1e6;
            double cpu = cpuMillis(running.pid());
            assertEquals(200, get(running.baseUrl() + "/q/health/ready"));
            return new Run(millis, BenchResults.rss(running.pid()), cpu);
        }
    }

    private static Run skeleton(ProofDatabase db) throws Exception {
        return skeleton(SKELETON, db, Map.of());
    }

    /** Starts the app built in {@code project} against {@code db} with {@code env} added, measured as Ferry is. */
    private static Run skeleton(Path project, ProofDatabase db, Map<String, String> env) throws Exception {
        int port = Prerequisites.port(21);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(FerryInstance.JVM_FLAGS);
        command.addAll(List.of("-jar", project.resolve(Path.of("target", "quarkus-app", "quarkus-run.jar"))
                .toAbsolutePath().toString()));
        long start = System.nanoTime();
        Map<String, String> all = new HashMap<>(env);
        all.putAll(Map.of("SKELETON_DB_URL", db.jdbcUrl(), "SKELETON_DB_USER", Prerequisites.dbUser(),
                "QUARKUS_HTTP_PORT", String.valueOf(port)));
        Process p = Processes.start("startup-skeleton", command, all);
        try {
            String url = "http://localhost:" + port + "/notes";
            Processes.awaitOk(p, "startup-skeleton", url, Duration.ofMinutes(2));
            double millis = (System.nanoTime() - start) / 1e6;
            double cpu = cpuMillis(p.pid());
            assertEquals(200, get(url));
            return new Run(millis, BenchResults.rss(p.pid()), cpu);
        } finally {
            Processes.stop(p);
        }
    }

    /** The CPU time (user + system) the process has used so far. */
    private static double cpuMillis(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration())
                .orElseThrow(() -> new IllegalStateException("no CPU time for process " + pid)).toNanos() / 1e6;
    }

    /** The 1-, 5- and 15-minute load averages ({@code /proc/loadavg}), or "unknown" off Linux. */
    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static int get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** Builds a skeleton with the project's Maven wrapper, offline, on Ferry's Quarkus platform version. */
    private static void build(Path project) throws Exception {
        Process mvn = new ProcessBuilder("./mvnw", "-q", "-o", "-f", project.resolve("pom.xml").toString(),
                "-Dquarkus.platform.version=" + System.getProperty("bench.quarkus.version", "3.31.3"), "package")
                .inheritIO().start();
        assertEquals(0, mvn.waitFor(), "building " + project);
    }

    private interface Step {
        Run run() throws Exception;
    }

    private static Run unchecked(Step step) {
        try {
            return step.run();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(double[] values) {
        StringBuilder b = new StringBuilder();
        for (double v : values) {
            b.append(b.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.2f", v));
        }
        return b.toString();
    }
}
