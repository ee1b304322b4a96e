package health.ferry.records;

import static health.ferry.Tokens.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import health.ferry.PostgresOnly;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL's binary COPY of a page's new rows when the server refuses a row mid-stream: the error reaches the
 * import, the copy is abandoned, the transaction rolls back with nothing of the page, and the pool's connections
 * keep working (none is left in COPY mode).
 */
@QuarkusTest
@PostgresOnly
class RecordCopyFailureTest {
    @Inject
    AgroalDataSource db;
    @Inject
    RecordStore store;

    private static RecordFacts facts(String id) {
        return new RecordFacts("Condition", id, RecordCategory.CONDITIONS, "Copied", null, "1", null,
                "{\"resourceType\":\"Condition\",\"id\":\"" + id + "\"}");
    }

    private int count(RecordSource source) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement q = c.prepareStatement(
                "select count(*) from health_record where source_id = ?")) {
            q.setObject(1, source.id());
            try (ResultSet rs = q.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    @Test
    void aRowTheServerRefusesFailsTheCopyAndLeavesNothing() throws Exception {
        UUID person = UUID.fromString(as("erin").contentType(ContentType.JSON).body(Map.of("displayName",
                "Copy Failure", "birthDate", "2010-02-03", "relationship", "child", "authorityAttested", true))
                .post("/api/v1/people").then().statusCode(201).extract().path("id"));
        RecordSource source = RecordSource.connection(UUID.randomUUID());
        for (int round = 0; round < 3; round++) { // more rounds than the pool needs to hand back a used connection
            Exception e = assertThrows(Exception.class, () -> QuarkusTransaction.requiringNew().call(() -> {
                try (Connection c = db.getConnection();
                        NewRows rows = NewRows.open(c, true, person, source, null, Instant.now())) {
                    for (int i = 0; i < 2000; i++) { // past the first flush, so part of the page has reached the server
                        rows.add(RecordIds.of(source, "Condition", "ok" + i), facts("ok" + i), RecordState.PENDING);
                    }
                    String tooLong = "x".repeat(200); // the column holds 128: only the server checks it here
                    rows.add(RecordIds.of(source, "Condition", tooLong), facts(tooLong), RecordState.PENDING);
                    rows.finish();
                }
                return null;
            }));
            Throwable cause = e;
            while (cause != null && !(cause instanceof SQLException)) {
                cause = cause.getCause();
            }
            assertTrue(cause != null && cause.getMessage().contains("character varying(128)"), String.valueOf(e));
            assertEquals(0, count(source), "nothing of the refused page is stored");
        }
        assertEquals(2, store.importAllJsonIfAllowed(person, source, List.of(condition("after1"),
                condition("after2"))).size());
        assertEquals(2, count(source), "the next import stores as usual");
    }

    private static JsonNode condition(String id) throws Exception {
        return FhirJson.read("{\"resourceType\":\"Condition\",\"id\":\"" + id + "\"}");
    }
}
