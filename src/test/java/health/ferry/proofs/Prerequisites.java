package health.ferry.proofs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * What the proofs need from the machine: the packaged app, PostgreSQL, Keycloak's distribution (downloaded through
 * Maven on first use) and, for the browser proof, Chromium. Where one is missing a proof is SKIPPED with the reason
 * (never passed) on a developer's machine; with {@code FERRY_PROOFS_REQUIRED=true} (set by .ci/run) it FAILS.
 */
final class Prerequisites {
    static final Path APP = Path.of("target", "quarkus-app", "quarkus-run.jar");
    static final Path CHROMIUM = Path.of(System.getProperty("ferry.chromium", "/usr/bin/chromium"));

    private Prerequisites() {
    }

    static boolean required() {
        return Boolean.parseBoolean(System.getenv().getOrDefault("FERRY_PROOFS_REQUIRED", "false"));
    }

    /** Skips (locally) or fails (in CI) when {@code present} is false. */
    static void need(boolean present, String what) {
        if (present) {
            return;
        }
        String message = "proof prerequisite missing: " + what;
        if (required()) {
            Assertions.fail(message + " (FERRY_PROOFS_REQUIRED=true)");
        }
        Assumptions.abort(message + " - proof SKIPPED, not passed");
    }

    static void packagedApp() {
        need(Files.isRegularFile(APP), APP + " (run ./mvnw package -DskipTests, or ./mvnw verify -Pproofs)");
    }

    static void chromium() {
        need(Files.isExecutable(CHROMIUM), "Chromium at " + CHROMIUM);
    }

    static String dbHost() {
        return System.getenv().getOrDefault("FERRY_TEST_DB_HOST", "127.0.0.1");
    }

    static String dbPort() {
        return System.getenv().getOrDefault("FERRY_TEST_DB_PORT", "5432");
    }

    static String dbUser() {
        return System.getenv().getOrDefault("FERRY_TEST_DB_USER", "postgres");
    }

    static String dbPassword() {
        return System.getenv().getOrDefault("FERRY_TEST_DB_PASSWORD", "");
    }

    static String jdbcUrl(String database) {
        return "jdbc:postgresql://" + dbHost() + ":" + dbPort() + "/" + database;
    }

    static Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), dbUser(), dbPassword());
    }

    static void postgres() {
        boolean up;
        try (Connection c = connect("postgres")) {
            up = c.isValid(5);
        } catch (SQLException e) {
            up = false;
        }
        need(up, "PostgreSQL at " + dbHost() + ":" + dbPort() + " as " + dbUser());
    }

    /** The first of the proofs' ports ({@code -Dferry.proofs.port-base}, default 18300). */
    static int port(int offset) {
        return Integer.getInteger("ferry.proofs.port-base", 18300) + offset;
    }
}
