package health.ferry.proofs;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Starting real processes for the proofs: logs under target/proofs, readiness by HTTP, stopping whole trees. */
final class Processes {
    static final Path LOGS = Path.of("target", "proofs");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Processes() {
    }

    static Process start(String name, List<String> command, java.util.Map<String, String> env) throws IOException {
        Files.createDirectories(LOGS);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log(name).toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }

    static Path log(String name) {
        return LOGS.resolve(name + ".log");
    }

    /** Waits until {@code url} answers 200, failing early when the process has died. */
    static void awaitOk(Process process, String name, String url, Duration timeout)
            throws IOException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log(name));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5))
                        .build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100); // fine enough for start-up timings (StartupBenchmarkIT)
        }
        throw new IllegalStateException(name + " not ready at " + url + " within " + timeout + "; see " + log(name));
    }

    /** SIGTERM to the process and its descendants, SIGKILL after a grace period. */
    static void stop(Process process) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        tree.forEach(ProcessHandle::destroy);
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            kill(process);
        }
        tree.forEach(ProcessHandle::destroyForcibly);
    }

    /** SIGKILL (a crash: no shutdown hook, no lease released); its extraction worker children follow. */
    static void kill(Process process) throws InterruptedException {
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
        // The worker JVMs notice their parent is gone and exit by themselves; these are only killed if they did not.
        Thread.sleep(3000);
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }
}
