package health.ferry.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * S8, append-only grants: the operator SQL of docs/sql/app-role.sql, run as it is (its psql variables filled in),
 * makes a runtime role that may add audit rows and move the chain head, read everything and change the other tables,
 * but gets "permission denied" (SQLState 42501) for UPDATE, DELETE and TRUNCATE on {@code audit_event}, for removing
 * the chain head and for the migration history.
 *
 * <p>PostgreSQL only ({@code -Dquarkus.test.profile=test,pg}): H2 has no such grants. The role gets a name of its own
 * (roles belong to the whole server) and is dropped afterwards.
 */
@QuarkusTest
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = "(.*,)?pg(,.*)?",
        disabledReason = "needs PostgreSQL: -Dquarkus.test.profile=test,pg")
class AuditGrantsTest {
    static final Path SQL = Path.of("docs", "sql", "app-role.sql");
    static final String DENIED = "42501";

    @Inject
    AgroalDataSource db;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @Test
    void theRuntimeRoleMayAppendToTheAuditTrailButNeverChangeIt() throws Exception {
        String role = "ferry_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection owner = db.getConnection(); Statement s = owner.createStatement()) {
            String ownerRole = query(owner, "select current_user");
            try {
                for (String statement : statements(role, ownerRole)) {
                    s.execute(statement);
                }
                try (Connection app = DriverManager.getConnection(url, role, "app-role-test")) {
                    assertEquals(role, query(app, "select current_user"));
                    denied(app, "update audit_event set outcome = 'success' where outcome = 'denied'");
                    denied(app, "delete from audit_event");
                    denied(app, "truncate audit_event");
                    denied(app, "delete from audit_chain_head");
                    denied(app, "insert into audit_chain_head (id, seq, hash, unchained_rows) values (2, 0, 'x', 0)");
                    denied(app, "delete from flyway_schema_history");
                    denied(app, "create table intruder (id integer)");

                    // What Ferry does when it audits, in a transaction rolled back to leave the chain as it was.
                    app.setAutoCommit(false);
                    try (Statement a = app.createStatement()) {
                        assertTrue(a.executeQuery("select seq, hash from audit_chain_head where id = 1 for update")
                                .next());
                        assertEquals(1, a.executeUpdate("insert into audit_event (id, at, action, outcome, seq, "
                                + "prev_hash, hash) values ('" + UUID.randomUUID() + "', now(), 'grants.probe', "
                                + "'success', -1, 'p', 'h')"));
                        assertEquals(1, a.executeUpdate("update audit_chain_head set seq = seq where id = 1"));
                        assertTrue(a.executeQuery("select count(*) from audit_event").next());
                        a.executeUpdate("update account set display_name = display_name where id is null");
                    } finally {
                        app.rollback();
                    }
                }
            } finally {
                s.execute("drop owned by \"" + role + "\"");
                s.execute("drop role \"" + role + "\"");
            }
        }
    }

    /** The file's statements with psql's variables replaced as {@code psql -v} would. */
    static List<String> statements(String appRole, String ownerRole) throws Exception {
        StringBuilder sql = new StringBuilder();
        for (String line : Files.readAllLines(SQL, StandardCharsets.UTF_8)) {
            if (!line.startsWith("--")) {
                sql.append(line).append('\n');
            }
        }
        String filled = sql.toString().replace(":\"app_role\"", '"' + appRole + '"')
                .replace(":\"owner_role\"", '"' + ownerRole + '"').replace(":'app_password'", "'app-role-test'");
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
