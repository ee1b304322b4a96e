package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V28 on a database migrated to a version before it, with a portal search and connection changes only in the audit
 * trail's text: each becomes one typed row in order, with its status and failure code; other audit rows and a
 * connection row without its connection become nothing.
 */
class ConnectionEventsMigrationTest {
    @Test
    void auditRowsOfSearchesAndConnectionChangesBecomeTypedFactsInOrder() throws Exception {
        String url = "jdbc:h2:mem:v28-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH";
        // V25 is the last migration before V28 on this branch (V26 and V27, if any, then run with V28).
        Flyway.configure().dataSource(url, "sa", "").target("25").load().migrate();
        UUID person = UUID.randomUUID();
        UUID connection = UUID.randomUUID();
        Instant t0 = Instant.parse("2026-11-02T09:00:00Z");
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                PreparedStatement insert = db.prepareStatement("insert into audit_event (id, at, subject_person,"
                        + " action, object_type, object_id, outcome, detail) values (?, ?, ?, ?, ?, ?, 'success', ?)")) {
            Object[][] rows = {
                {"portal.search", null, null},
                {"connection.created", connection.toString(), "status=connecting"},
                {"connection.changed", connection.toString(), "status=failed failure=too_many_attempts"},
                {"connection.changed", connection.toString(), "status=connected"},
                {"connection.changed", null, "status=failed failure=ignored"},
                {"sync.run", connection.toString(), "run=x outcome=ok failure=not_a_connection_fact"},
                {"coordinator.view_queue", null, "status=connected"},
            };
            for (int i = 0; i < rows.length; i++) {
                insert.setObject(1, UUID.randomUUID());
                insert.setObject(2, OffsetDateTime.ofInstant(t0.plusSeconds(60L * i), ZoneOffset.UTC));
                insert.setObject(3, person);
                insert.setString(4, (String) rows[i][0]);
                insert.setString(5, rows[i][1] == null ? null : "connection");
                insert.setString(6, (String) rows[i][1]);
                insert.setString(7, (String) rows[i][2]);
                insert.executeUpdate();
            }
        }

        Flyway.configure().dataSource(url, "sa", "").load().migrate();

        List<String> facts = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select person_id, connection_id, kind, status, failure, at"
                        + " from connection_event order by id")) {
            while (rs.next()) {
                assertEquals(person, rs.getObject(1, UUID.class));
                UUID c = rs.getObject(2, UUID.class);
                facts.add(rs.getString(3) + " " + (c == null ? "-" : c.equals(connection) ? "c" : "other") + " "
                        + rs.getString(4) + " " + rs.getString(5) + " "
                        + rs.getObject(6, OffsetDateTime.class).toInstant());
            }
        }
        assertEquals(List.of(
                "searched - null null " + t0,
                "changed c connecting null " + t0.plusSeconds(60),
                "changed c failed too_many_attempts " + t0.plusSeconds(120),
                "changed c connected null " + t0.plusSeconds(180)), facts);
    }
}
