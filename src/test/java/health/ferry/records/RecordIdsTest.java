package health.ferry.records;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import health.ferry.PostgresOnly;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Record ids are a storage format: pinned values, and PostgreSQL's SQL form agrees with Java's. */
class RecordIdsTest {
    private static final UUID SOURCE = UUID.fromString("3f2b8c1e-5a4d-4e6f-9b7a-0c1d2e3f4a5b");
    /** SHA-256 of {@code connection:3f2b8c1e-…-0c1d2e3f4a5b:11:Observation:obs-1}, version and variant set. */
    private static final String PINNED = "90e2cd71-c6c2-8a6f-8cb6-68d163be72df";

    @Test
    void idsArePinnedVersionEightUuidsOfTheKey() {
        UUID id = RecordIds.of(RecordSource.connection(SOURCE), "Observation", "obs-1");
        assertEquals(UUID.fromString(PINNED), id, "changing the derivation duplicates every stored record");
        assertEquals(8, id.version());
        assertEquals(2, id.variant());
        assertEquals(id, RecordIds.of("connection", SOURCE, "Observation", "obs-1"));
    }


    @Test
    void everyPartOfTheKeyCounts() {
        UUID id = RecordIds.of("connection", SOURCE, "Observation", "obs-1");
        assertNotEquals(id, RecordIds.of("upload", SOURCE, "Observation", "obs-1"));
        assertNotEquals(id, RecordIds.of("connection", UUID.randomUUID(), "Observation", "obs-1"));
        assertNotEquals(id, RecordIds.of("connection", SOURCE, "Condition", "obs-1"));
        assertNotEquals(id, RecordIds.of("connection", SOURCE, "Observation", "obs-2"));
        assertNotEquals(id, RecordIds.of("connection", SOURCE, "Observation", "OBS-1"), "FHIR ids are case-sensitive");
        // the type's length is part of the key, so a separator inside a type or id cannot shift the split
        assertNotEquals(RecordIds.of("connection", SOURCE, "A:B", "c"), RecordIds.of("connection", SOURCE, "A", "B:c"));
    }

    @Test
    @PostgresOnly
    void postgresSqlDerivesTheSameIds() throws Exception {
        String url = "jdbc:postgresql://" + System.getenv().getOrDefault("FERRY_TEST_DB_HOST", "127.0.0.1") + ":"
                + System.getenv().getOrDefault("FERRY_TEST_DB_PORT", "5432") + "/"
                + System.getenv().getOrDefault("FERRY_TEST_DB_NAME", "ferry_test");
        try (Connection db = DriverManager.getConnection(url,
                System.getenv().getOrDefault("FERRY_TEST_DB_USER", "postgres"),
                System.getenv().getOrDefault("FERRY_TEST_DB_PASSWORD", ""));
                PreparedStatement q = db.prepareStatement("select " + RecordIds.postgresSql("v.k", "v.s", "v.t", "v.r")
                        + " from (values (?, ?::uuid, ?, ?)) as v(k, s, t, r)")) {
            String[][] keys = {{"connection", "Observation", "obs-1"}, {"upload", "DocumentReference", "ü-ß-日本"},
                {"connection", "A:B", "c"}, {"connection", "Patient", "x".repeat(128)}};
            for (int i = 0; i < 200; i++) {
                String[] key = i < keys.length ? keys[i] : new String[] {"connection", "Type" + i, UUID.randomUUID() + "." + i};
                UUID source = i == 0 ? SOURCE : UUID.randomUUID();
                q.setString(1, key[0]);
                q.setString(2, source.toString());
                q.setString(3, key[1]);
                q.setString(4, key[2]);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    assertEquals(RecordIds.of(key[0], source, key[1], key[2]), rs.getObject(1, UUID.class),
                            String.join("/", key));
                }
            }
        }
    }
}
