package health.ferry.audit;

import health.ferry.PostgresOnly;
import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * S8, append-only grants: Ferry runs as the restricted runtime role that docs/sql/app-role.sql makes (the file run as
 * it is, its psql variables filled in), with the owner role migrating. Ferry's own database connections then get
 * "permission denied" (SQLState 42501) for UPDATE, DELETE and TRUNCATE on {@code audit_event}, for removing the chain
 * head, for the migration history and for creating tables, while audited requests still append to an unbroken chain.
 *
 * <p>PostgreSQL only ({@code -Dquarkus.test.profile=test,pg}): H2 has no such grants. Before Quarkus starts for this
 * class, {@link AppRole} migrates the test database as the owner and creates the role under a name of its own (roles
 * belong to the whole server); it drops the role when the class is done.
 */
@QuarkusTest
@PostgresOnly
@WithTestResource(value = AuditGrantsTest.AppRole.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class AuditGrantsTest {
    static final Path SQL = Path.of("docs", "sql", "app-role.sql");
    static final String DENIED = "42501";
    static final String PASSWORD = "app-role-test";

    /** Migrates as the owner, runs the operator SQL, and points Ferry's datasource at the new role. */
    public static class AppRole implements QuarkusTestResourceLifecycleManager {
        static final String ROLE = "ferry_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        private String url;
        private String owner;
        private String ownerPassword;

        @Override
        public Map<String, String> start() {
            String host = System.getenv().getOrDefault("FERRY_TEST_DB_HOST", "127.0.0.1");
            String port = System.getenv().getOrDefault("FERRY_TEST_DB_PORT", "5432");
            url = "jdbc:postgresql://" + host + ":" + port + "/"
                    + System.getenv().getOrDefault("FERRY_TEST_DB_NAME", "ferry_test");
            owner = System.getenv().getOrDefault("FERRY_TEST_DB_USER", "postgres");
            ownerPassword = System.getenv().getOrDefault("FERRY_TEST_DB_PASSWORD", "");
            Flyway flyway = Flyway.configure().dataSource(url, owner, ownerPassword).cleanDisabled(false).load();
            flyway.clean();
            flyway.migrate();
            try (Connection c = DriverManager.getConnection(url, owner, ownerPassword);
                    Statement s = c.createStatement()) {
                for (String statement : statements(ROLE, owner)) {
                    s.execute(statement);
                }
            } catch (Exception e) {
                throw new IllegalStateException("could not create the runtime role", e);
            }
            // Trusted local connections ignore the password, but Quarkus uses the migration credentials only when
            // both are set.
            return Map.of("quarkus.datasource.username", ROLE, "quarkus.datasource.password", PASSWORD,
                    "quarkus.flyway.username", owner, "quarkus.flyway.password",
                    ownerPassword.isEmpty() ? "unused" : ownerPassword,
                    // Migrated above; cleaning now would drop the grants with the tables.
                    "quarkus.flyway.clean-at-start", "false");
        }

        @Override
        public void stop() {
            try (Connection c = DriverManager.getConnection(url, owner, ownerPassword);
                    Statement s = c.createStatement()) {
                s.execute("select pg_terminate_backend(pid) from pg_stat_activity where usename = '" + ROLE + "'");
                s.execute("drop owned by \"" + ROLE + "\"");
                s.execute("drop role \"" + ROLE + "\"");
            } catch (SQLException e) {
                throw new IllegalStateException("could not drop the runtime role " + ROLE, e);
            }
        }
    }

    @Inject
    AgroalDataSource db;
    @Inject
    AuditTrail audit;

    @Test
    void ferrysOwnConnectionsMayAppendToTheAuditTrailButNeverChangeIt() throws Exception {
        try (Connection app = db.getConnection()) {
            assertEquals(AppRole.ROLE, query(app, "select current_user"));
            denied(app, "update audit_event set outcome = 'success' where outcome = 'denied'");
            denied(app, "delete from audit_event");
            denied(app, "truncate audit_event");
            denied(app, "delete from connection_event");
            denied(app, "update connection_event set status = 'connected'");
            denied(app, "delete from audit_chain_head");
            denied(app, "insert into audit_chain_head (id, seq, hash, unchained_rows) values (2, 0, 'x', 0)");
            denied(app, "delete from flyway_schema_history");
            denied(app, "create table intruder (id integer)");
        }
    }

    @Test
    void auditedRequestsStillChainAsTheRuntimeRole() {
        String ward = as("erin").contentType(ContentType.JSON).body(Map.of("displayName", "Grants Ward",
                "birthDate", "2012-02-03", "relationship", "child", "authorityAttested", true))
                .post("/api/v1/people").then().statusCode(201).extract().path("id");
        String probe = UUID.randomUUID().toString();
        as("bob").get("/api/v1/people/" + probe).then().statusCode(404);
        assertTrue(audit.aboutPerson(UUID.fromString(ward), 10).stream().anyMatch(e -> e.seq != null));
        assertTrue(audit.byAction("access.denied", 50).stream().anyMatch(e -> probe.equals(e.objectId)
                && e.seq != null));
        JsonPath v = as("admin").get("/api/v1/admin/audit/verify").then().statusCode(200).extract().jsonPath();
        assertTrue(v.getBoolean("ok"), v.prettify());
        assertTrue(v.getLong("checked") >= 2, v.prettify());
    }

    /** The file's statements with psql's variables replaced as {@code psql -v} would. */
    static List<String> statements(String appRole, String ownerRole) throws java.io.IOException {
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(SQL, StandardCharsets.UTF_8)) {
            if (!line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        String filled = sql.toString().replace(":\"app_role\"", '"' + appRole + '"')
                .replace(":\"owner_role\"", '"' + ownerRole + '"').replace(":'app_password'", "'" + PASSWORD + "'");
        assertTrue(!filled.contains(":\"") && !filled.contains(":'"), "every variable filled in: " + filled);
        List<String> statements = new ArrayList<>();
        for (String statement : filled.split(";\\s*\\n")) {
            if (!statement.isBlank()) {
                statements.add(statement.strip());
            }
        }
        assertTrue(statements.size() >= 8, statements.toString());
        return statements;
    }

    private static void denied(Connection app, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> {
            try (Statement s = app.createStatement()) {
                s.execute(sql);
            }
        }, sql);
        assertEquals(DENIED, e.getSQLState(), sql + ": " + e.getMessage());
    }

    private static String query(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
