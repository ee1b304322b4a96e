package health.ferry;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An open-loop HTTP load generator: {@code users} threads (a fixed pool; Java 17 has no virtual threads), each
 * sending one request every {@code users / rate} seconds, staggered so the whole sends {@code rate} requests a
 * second. Latency is measured from when a request was due, not when it was sent, so a stalled server cannot hide
 * its queue (no coordinated omission). Each user has its own HTTP/1.1 connection, as browsers do.
 */
public final class LoadGenerator {
    private LoadGenerator() {
    }

    /**
     * Latencies (ms) of the requests of one window, how many did not answer 200, and the CPU time the whole process
     * (server and generator) spent in the window per request (ms): a steadier measure than a p95 of few requests.
     */
    public record Window(double[] latencies, int errors, double cpuPerRequest) {
        public double p95() {
            return BenchResults.percentile(latencies, 0.95);
        }

        public double p50() {
            return BenchResults.percentile(latencies, 0.50);
        }
    }

    public static Window run(URI uri, Map<String, String> headers, int users, double rate, Duration duration) {
        ExecutorService pool = Executors.newFixedThreadPool(users);
        List<Double> latencies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long intervalNanos = (long) (users / rate * 1e9);
        long start = System.nanoTime() + 200_000_000L;
        long end = start + duration.toNanos();
        long cpuBefore = processCpuNanos();
        for (int u = 0; u < users; u++) {
            long offset = intervalNanos * u / users;
            pool.execute(() -> {
                HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).GET();
                headers.forEach(builder::header);
                HttpRequest request = builder.build();
                for (long due = start + offset; due < end; due += intervalNanos) {
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        try {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    } catch (InterruptedException e) {
                        return;
                    }
                    latencies.add((System.nanoTime() - due) / 1e6);
                }
            });
        }
        pool.shutdown();
        try {
            if (!pool.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS)) {
                pool.shutdownNow();
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            Thread.currentThread().interrupt();
        }
        long cpu = processCpuNanos() - cpuBefore;
        double[] values;
        synchronized (latencies) {
            values = latencies.stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new Window(values, errors.get(), values.length == 0 ? 0 : cpu / 1e6 / values.length);
    }

    /** CPU time of this JVM so far (ns), or 0 where the platform does not tell. */
    private static long processCpuNanos() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os ? Math.max(0, os.getProcessCpuTime()) : 0;
    }
}
