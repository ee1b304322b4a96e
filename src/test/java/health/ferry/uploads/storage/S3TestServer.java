package health.ferry.uploads.storage;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A real S3-compatible server for tests: Adobe S3Mock (a Spring Boot application from Maven Central, copied to
 * {@code target/test-servers/s3mock.jar} by the build) started as a separate JVM with a fresh store folder and one
 * bucket. No Docker, no mock of the client: the AWS SDK talks HTTP to it as it would to MinIO or AWS. Also used by
 * the proofs, where packaged Ferry instances keep their documents in it.
 */
public final class S3TestServer implements AutoCloseable {
    static final Path JAR = Path.of("target/test-servers/s3mock.jar");

    private final Process process;
    private final int port;
    private final String bucket;
    private final Path log;

    private S3TestServer(Process process, int port, String bucket, Path log) {
        this.process = process;
        this.port = port;
        this.bucket = bucket;
        this.log = log;
    }

    /** Starts a server holding {@code bucket} with its data under {@code folder}; waits until it answers. */
    public static S3TestServer start(Path folder, String bucket) throws IOException, InterruptedException {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR + " is missing: run the build (generate-test-resources copies it)");
        }
        int http = freePort();
        int https = freePort();
        Path store = Files.createDirectories(folder.resolve("store"));
        Path log = folder.resolve("s3mock.log");
        Process process = new ProcessBuilder(List.of(javaBin(), "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1", "-jar", JAR.toAbsolutePath().toString(),
                "--http.port=" + http, "--server.port=" + https,
                "--com.adobe.testing.s3mock.store.root=" + store,
                "--com.adobe.testing.s3mock.store.initial-buckets=" + bucket,
                "--spring.main.banner-mode=off"))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        S3TestServer server = new S3TestServer(process, http, bucket, log);
        server.awaitReady(Duration.ofSeconds(120));
        return server;
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Settings for Ferry's client; S3Mock accepts any credentials. */
    public S3Settings settings(String prefix) {
        return new S3Settings(Optional.of(endpoint()), "us-east-1", bucket, prefix, true, Optional.of("test-key"),
                Optional.of("test-secret"));
    }

    private void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("S3Mock exited: " + Files.readString(log));
            }
            try {
                HttpURLConnection c = (HttpURLConnection) URI.create(endpoint() + "/" + bucket).toURL()
                        .openConnection();
                c.setConnectTimeout(500);
                c.setReadTimeout(2000);
                if (c.getResponseCode() > 0) {
                    return;
                }
            } catch (IOException notYet) {
                Thread.sleep(300);
            }
        }
        close();
        throw new IllegalStateException("S3Mock did not answer within " + timeout);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
