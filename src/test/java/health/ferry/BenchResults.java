package health.ferry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleSupplier;
import java.util.stream.Stream;

/**
 * The shared bench harness: alternating Ferry/baseline pairs, medians of per-pair ratios, peak RSS from /proc, and
 * the table in {@code target/benchmarks/results.md}. Each benchmark writes its own rows file; the table is rebuilt
 * from all rows files after every write, so a partial run still leaves a complete (marked) table.
 */
public final class BenchResults {
    public static final Path DIR = Path.of("target", "benchmarks");
    /** Benchmarks in table order: key → hot path (a row stays "not run" until its benchmark writes it). */
    private static final Map<String, String> ROWS = new LinkedHashMap<>();

    static {
        ROWS.put("1-ingest", "Supporting Documents end to end, ~100 MB records ZIP over HTTP to ready_for_review");
        ROWS.put("1-ingest-dev", "Supporting Documents end to end in dev mode (H2)");
        ROWS.put("2-ingest-memory", "Peak RSS end to end, a 1 GiB upload over HTTP");
        ROWS.put("1-ingest-engine", "Supporting Documents ingest engine alone, ~100 MB records ZIP");
        ROWS.put("2-ingest-memory-engine", "Peak RSS of the ingest engine alone, 1 GiB upload");
        ROWS.put("3-fhir-import", "FHIR import of a Synthea-sized bundle");
        ROWS.put("4-directory", "Directory search, 100,000 portals");
        ROWS.put("5-http", "Pages and records API under 100 concurrent users");
        ROWS.put("6-api-during-ingest", "API latency while an ingest runs");
        ROWS.put("7-startup", "Start-up and RSS after first request");
        ROWS.put("8-weekly-sync", "Weekly sync of 10,000 connections");
        ROWS.put("9-first-records", "Participant's Connect to the first pending record");
    }

    private BenchResults() {
    }

    /** Pairs of (ferry, baseline) measurements, alternating which goes first to cancel drift. */
    public record Pairs(double[] ferry, double[] baseline) {
        public double[] ratios() {
            double[] r = new double[ferry.length];
            for (int i = 0; i < r.length; i++) {
                r[i] = ferry[i] / baseline[i];
            }
            return r;
        }

        public double medianRatio() {
            return median(ratios());
        }

        public String ratiosText() {
            return String.join(" ", Arrays.stream(ratios()).mapToObj(r -> String.format(Locale.ROOT, "%.2f", r))
                    .toList());
        }
    }

    public static Pairs pairs(int n, DoubleSupplier ferry, DoubleSupplier baseline) {
        double[] f = new double[n];
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            if (i % 2 == 0) {
                f[i] = ferry.getAsDouble();
                b[i] = baseline.getAsDouble();
            } else {
                b[i] = baseline.getAsDouble();
                f[i] = ferry.getAsDouble();
            }
            System.out.printf(Locale.ROOT, "[bench] pair %d: ferry %.1f, baseline %.1f%n", i + 1, f[i], b[i]);
        }
        return new Pairs(f, b);
    }

    public static double median(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        int n = v.length;
        return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    }

    public static double percentile(double[] values, double q) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v[Math.max(0, Math.min(v.length - 1, (int) Math.ceil(q * v.length) - 1))];
    }

    /** Peak resident set (VmHWM) of a live process in bytes, or 0 when it is gone. */
    public static long peakRss(long pid) {
        return statusField(pid, "VmHWM:");
    }

    /** Clock ticks per second of /proc/<pid>/stat's CPU times (USER_HZ: 100 on Linux). */
    public static final int TICKS = 100;

    /** User + system CPU time of a live process in clock ticks ({@link #TICKS}), or 0 when it is gone. */
    public static long cpuTicks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(f[11]) + Long.parseLong(f[12]);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Current resident set (VmRSS) of a live process in bytes, or 0 when it is gone. */
    public static long rss(long pid) {
        return statusField(pid, "VmRSS:");
    }

    private static long statusField(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc", Long.toString(pid), "status"))) {
            return lines.filter(l -> l.startsWith(field)).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024).orElse(0L);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    public static String mib(long bytes) {
        return String.format(Locale.ROOT, "%.0f MiB", bytes / 1048576.0);
    }

    public static String fmt(double value) {
        return String.format(Locale.ROOT, value >= 100 ? "%.0f" : "%.2f", value);
    }

    /**
     * Writes this benchmark's rows and rebuilds the table. Each row: hot path detail | Ferry | baseline | ratio |
     * target | met.
     */
    public static synchronized void record(String key, List<String> rows, List<String> notes) {
        if (!ROWS.containsKey(key)) {
            throw new IllegalArgumentException("unknown benchmark " + key);
        }
        try {
            Path rowsDir = DIR.resolve("rows");
            Files.createDirectories(rowsDir);
            List<String> content = new ArrayList<>(rows);
            content.add("");
            notes.forEach(n -> content.add("- " + ROWS.get(key) + ": " + n));
            Files.write(rowsDir.resolve(key + ".md"), content, StandardCharsets.UTF_8);
            rebuild(rowsDir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void rebuild(Path rowsDir) throws IOException {
        List<String> table = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        table.add("# Ferry benchmark results");
        table.add("");
        table.add("Run " + Instant.now().truncatedTo(ChronoUnit.SECONDS) + " on " + machine() + ".");
        table.add("Ratios are medians of per-pair ratios (Ferry and baseline alternated in the same run); absolute "
                + "times depend on the machine and its load.");
        table.add("");
        table.add("| # | hot path | Ferry | baseline | Ferry/baseline (median of pairs) | target | met |");
        table.add("|---|---|---|---|---|---|---|");
        for (Map.Entry<String, String> row : ROWS.entrySet()) {
            Path file = rowsDir.resolve(row.getKey() + ".md");
            if (!Files.exists(file)) {
                table.add("| " + row.getKey().substring(0, 1) + " | " + row.getValue()
                        + " | not run | | | | TODO |");
                continue;
            }
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("|")) {
                    table.add(line);
                } else if (!line.isBlank()) {
                    notes.add(line);
                }
            }
        }
        table.add("");
        table.addAll(notes);
        Files.write(DIR.resolve("results.md"), table, StandardCharsets.UTF_8);
    }

    /** "2 cores, 23.5 GiB RAM, OpenJDK 17.0.x, load average …". */
    public static String machine() {
        String mem = "?";
        String load = "?";
        try {
            mem = Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemTotal:"))
                    .findFirst().map(l -> String.format(Locale.ROOT, "%.1f GiB RAM",
                            Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0)).orElse("?");
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            // not Linux: leave unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + mem + ", " + System.getProperty("java.vm.name")
                + " " + System.getProperty("java.version") + ", load average " + load + " at the end of the run";
    }
}
