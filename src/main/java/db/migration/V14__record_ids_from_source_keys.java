package db.migration;

import health.ferry.records.RecordIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Records get the ids {@link RecordIds} derives from their source key, and the unique index on that key goes: the
 * primary key now keeps a resource from one source stored once (docs/benchmarks.md, row 3). Java, not SQL, so that
 * H2 and PostgreSQL re-key with the one derivation the application uses. Record ids seen before (an open page, a
 * bookmarked link) no longer resolve; nothing in the database refers to them.
 */
public class V14__record_ids_from_source_keys extends BaseJavaMigration {
    private static final int BATCH = 1000;

    @Override
    public void migrate(Context context) throws Exception {
        Connection db = context.getConnection();
        try (Statement read = db.createStatement();
                PreparedStatement update = db.prepareStatement("update health_record set id = ? where id = ?")) {
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery("select id, source_kind, source_id, resource_type, resource_id"
                    + " from health_record")) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    UUID derived = RecordIds.of(rs.getString(2), rs.getObject(3, UUID.class), rs.getString(4),
                            rs.getString(5));
                    if (!derived.equals(id)) {
                        update.setObject(1, derived);
                        update.setObject(2, id);
                        update.addBatch();
                        if (++pending == BATCH) {
                            update.executeBatch();
                            pending = 0;
                        }
                    }
                }
            }
            if (pending > 0) {
                update.executeBatch();
            }
        }
        try (Statement ddl = db.createStatement()) {
            ddl.execute("alter table health_record drop constraint uq_health_record_source");
        }
    }
}
