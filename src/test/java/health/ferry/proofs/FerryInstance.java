package health.ferry.proofs;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One packaged Ferry ({@code java -jar target/quarkus-app/quarkus-run.jar}, prod profile) configured the way
 * docs/operations.md tells an operator: PostgreSQL, Keycloak, secrets from the environment, a shared upload folder.
 * Every instance of a {@link Cluster} gets the same secrets, so any of them reads the others' session cookies.
 */
final class FerryInstance implements AutoCloseable {
    final String name;
    final int port;
    private final Map<String, String> env;
    private final List<String> properties;
    private Process process;

    private FerryInstance(String name, int port, Map<String, String> env, List<String> properties) {
        this.name = name;
        this.port = port;
        this.env = env;
        this.properties = properties;
    }

    String baseUrl() {
        return "http://localhost:" + port;
    }

    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** The JVM flags every instance runs with (the start-up benchmark gives its baseline the same). */
    static final List<String> JVM_FLAGS = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    /** Starts the process and waits until /q/health/ready is UP (database and upload storage). */
    FerryInstance start() throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(JVM_FLAGS);
        command.addAll(properties);
        command.addAll(List.of("-jar", Prerequisites.APP.toAbsolutePath().toString()));
        process = Processes.start(name, command, env);
        Processes.awaitOk(process, name, baseUrl() + "/q/health/ready", Duration.ofMinutes(5));
        return this;
    }

    /** A clean stop (SIGTERM), as an orchestrator stops a container. */
    void stop() throws InterruptedException {
        if (alive()) {
            Processes.stop(process);
        }
    }

    /** A crash: SIGKILL, nothing runs on the way out. */
    void kill() throws InterruptedException {
        Processes.kill(process);
    }

    Path log() {
        return Processes.log(name);
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    /** The shared configuration of a deployment's instances. */
    static final class Cluster {
        private final Map<String, String> env = new HashMap<>();
        private final Map<String, String> properties = new LinkedHashMap<>();
        private boolean s3;

        Cluster(KeycloakServer keycloak, ProofDatabase database, Path uploads) {
            SecureRandom random = new SecureRandom();
            byte[] session = new byte[36];
            random.nextBytes(session);
            byte[] vault = new byte[32];
            random.nextBytes(vault);
            env.put("FERRY_DB_URL", database.jdbcUrl());
            env.put("FERRY_DB_USER", Prerequisites.dbUser());
            // Trust authentication ignores it; the prod profile requires the variable.
            env.put("FERRY_DB_PASSWORD", Prerequisites.dbPassword().isEmpty() ? "unused" : Prerequisites.dbPassword());
            env.put("FERRY_OIDC_ISSUER", keycloak.issuer());
            env.put("FERRY_OIDC_CLIENT_ID", "ferry");
            env.put("FERRY_OIDC_CLIENT_SECRET", keycloak.clientSecret);
            env.put("FERRY_OIDC_ORIGIN", keycloak.origin());
            env.put("FERRY_SESSION_SECRET", Base64.getEncoder().encodeToString(session));
            env.put("FERRY_VAULT_KEY", Base64.getEncoder().encodeToString(vault));
            env.put("FERRY_STUDIES_DIR", Path.of("studies").toAbsolutePath().toString());
            env.put("FERRY_UPLOADS_STORAGE_DIR", uploads.toAbsolutePath().toString());
            // Short leases and polling so a crashed instance's job is taken over within the proof's patience.
            env.put("FERRY_UPLOADS_JOBS_LEASE", "15s");
            env.put("FERRY_UPLOADS_JOBS_POLL_EVERY", "1s");
            env.put("FERRY_UPLOADS_JOBS_RETRY_BACKOFF", "2s");
        }

        /**
         * Documents in an S3-compatible bucket instead of the shared folder: each instance then keeps only its own
         * working copies, under {@code <uploads>/<instance name>}.
         */
        Cluster withS3(URI endpoint, String bucket) {
            env.put("FERRY_UPLOADS_STORAGE_BACKEND", "s3");
            env.put("FERRY_UPLOADS_STORAGE_S3_ENDPOINT", endpoint.toString());
            env.put("FERRY_UPLOADS_STORAGE_S3_BUCKET", bucket);
            env.put("FERRY_UPLOADS_STORAGE_S3_PREFIX", "ferry/");
            env.put("FERRY_UPLOADS_STORAGE_S3_ACCESS_KEY_ID", "proof-key");
            env.put("FERRY_UPLOADS_STORAGE_S3_SECRET_ACCESS_KEY", "proof-secret");
            s3 = true;
            return this;
        }

        /**
         * A configuration property for every instance, as a system property ({@code -Dkey=value}): for keys an
         * environment variable cannot spell, such as map keys with dots.
         */
        Cluster property(String key, String value) {
            properties.put(key, value);
            return this;
        }

        FerryInstance instance(String name, int port) {
            Map<String, String> own = new HashMap<>(env);
            if (s3) {
                own.put("FERRY_UPLOADS_STORAGE_DIR", Path.of(env.get("FERRY_UPLOADS_STORAGE_DIR")).resolve(name)
                        .toString());
            }
            own.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            own.put("FERRY_PUBLIC_ORIGIN", "http://localhost:" + port);
            try {
                // A fresh log per proof run; restarts of this instance append to it.
                java.nio.file.Files.deleteIfExists(Processes.log(name));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new FerryInstance(name, port, own, properties.entrySet().stream()
                    .map(e -> "-D" + e.getKey() + "=" + e.getValue()).toList());
        }
    }
}
