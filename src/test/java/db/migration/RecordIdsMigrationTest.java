package db.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import health.ferry.records.RecordIds;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V14 on a database migrated to V13 with records stored under random ids: every record gets the id derived from its
 * key, nothing else changes, and the key stays unique through the primary key alone.
 */
class RecordIdsMigrationTest {
    @Test
    void recordsAreReKeyedAndTheKeyStaysUnique() throws Exception {
        String url = "jdbc:h2:mem:v14-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                + ";DEFAULT_NULL_ORDERING=HIGH";
        Flyway.configure().dataSource(url, "sa", "").target("13").load().migrate();
        UUID person = UUID.randomUUID();
        UUID source = UUID.randomUUID();
        Map<UUID, String> before = new LinkedHashMap<>(); // random id -> resource id
        try (Connection db = DriverManager.getConnection(url, "sa", "")) {
            UUID account = UUID.randomUUID();
            try (Statement s = db.createStatement()) {
                // H2 run by a bare Flyway reads this one CHECK as empty and fails every row; not this test's subject
                s.execute("alter table person drop constraint ck_person_relationship");
            }
            try (PreparedStatement a = db.prepareStatement("insert into account (id, issuer, subject, username,"
                    + " display_name, created_at, last_sign_in_at) values (?, 'i', 's', 'u', 'U', now(), now())");
                    PreparedStatement p = db.prepareStatement("insert into person (id, account_id, relationship,"
                            + " display_name, created_at, updated_at) values (?, ?, ?, 'P', now(), now())")) {
                a.setObject(1, account);
                a.executeUpdate();
                p.setObject(1, person);
                p.setObject(2, account);
                p.setString(3, "self");
                p.executeUpdate();
            }
            try (PreparedStatement insert = db.prepareStatement("insert into health_record (id, person_id,"
                    + " source_kind, source_id, resource_type, resource_id, category, display, state, fetched_at,"
                    + " resource) values (?, ?, 'connection', ?, 'Condition', ?, 'conditions', 'd', ?, now(), '{}')")) {
                for (int i = 0; i < 2500; i++) { // more than one update batch
                    UUID id = UUID.randomUUID();
                    insert.setObject(1, id);
                    insert.setObject(2, person);
                    insert.setObject(3, source);
                    insert.setString(4, "c" + i);
                    insert.setString(5, i % 3 == 0 ? "accepted" : "pending");
                    insert.addBatch();
                    before.put(id, "c" + i);
                }
                insert.executeBatch();
            }
        }

        Flyway.configure().dataSource(url, "sa", "").load().migrate();

        try (Connection db = DriverManager.getConnection(url, "sa", "");
                Statement s = db.createStatement();
                ResultSet rs = s.executeQuery("select id, resource_id, state from health_record")) {
            int rows = 0;
            while (rs.next()) {
                String resourceId = rs.getString(2);
                assertEquals(RecordIds.of("connection", source, "Condition", resourceId), rs.getObject(1, UUID.class));
                int i = Integer.parseInt(resourceId.substring(1));
                assertEquals(i % 3 == 0 ? "accepted" : "pending", rs.getString(3), "review state kept");
                rows++;
            }
            assertEquals(before.size(), rows);
            UUID again = RecordIds.of("connection", source, "Condition", "c7");
            assertThrows(SQLException.class, () -> s.execute("insert into health_record (id, person_id,"
                    + " source_kind, source_id, resource_type, resource_id, category, display, state, fetched_at,"
                    + " resource) values ('" + again + "', '" + person + "', 'connection', '" + source
                    + "', 'Condition', 'c7', 'conditions', 'd', 'pending', now(), '{}')"), "the key is still unique");
        }
    }
}
