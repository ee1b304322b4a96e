package health.ferry.proofs;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A real Keycloak for the proofs: keycloak-quarkus-dist from Maven Central, started without Docker by
 * docker/keycloak/run-local.sh with the realm from docker/keycloak/ferry-realm.json imported afresh. One per test
 * JVM, shared by the proofs, stopped when the JVM ends.
 */
final class KeycloakServer {
    private static KeycloakServer shared;

    final int port;
    final String clientSecret;
    final String publicUrl;
    /** The master realm's bootstrap admin ("kcadmin"): for proofs that change the realm or its users. */
    final String adminPassword;
    private final Process process;

    private KeycloakServer(int port, String clientSecret, String publicUrl, String adminPassword, Process process) {
        this.port = port;
        this.clientSecret = clientSecret;
        this.publicUrl = publicUrl;
        this.adminPassword = adminPassword;
        this.process = process;
    }

    /**
     * The running Keycloak, started on first use. Its client {@code ferry} accepts redirects to {@code publicUrl}
     * (the instance browsers sign in through).
     */
    static synchronized KeycloakServer shared(String publicUrl) throws Exception {
        if (shared != null) {
            if (!shared.publicUrl.equals(publicUrl)) {
                throw new IllegalStateException("Keycloak was started for " + shared.publicUrl);
            }
            return shared;
        }
        int port = Prerequisites.port(0);
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String secret = HexFormat.of().formatHex(random);
        String adminPassword = HexFormat.of().formatHex(random, 0, 12);
        Process process = Processes.start("keycloak", List.of("bash",
                Path.of("docker", "keycloak", "run-local.sh").toString(), "--reset"),
                Map.of("KEYCLOAK_PORT", String.valueOf(port), "KEYCLOAK_HOST", "127.0.0.1",
                        "FERRY_OIDC_CLIENT_SECRET", secret, "FERRY_PUBLIC_URL", publicUrl,
                        "KC_BOOTSTRAP_ADMIN_PASSWORD", adminPassword));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Processes.stop(process);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        // First start downloads the distribution (~170 MB) and builds Keycloak: minutes on two cores.
        Processes.awaitOk(process, "keycloak", "http://localhost:" + port + "/realms/ferry/.well-known/openid-configuration",
                Duration.ofMinutes(10));
        shared = new KeycloakServer(port, secret, publicUrl, adminPassword, process);
        return shared;
    }

    String origin() {
        return "http://localhost:" + port;
    }

    String issuer() {
        return origin() + "/realms/ferry";
    }
}
