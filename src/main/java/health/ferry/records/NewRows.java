package health.ferry.records;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Where an import writes the records a page adds, as pending records of one person from one source, on the
 * transaction's connection. {@link #finish()} ends the stream; {@link #close()} abandons an unfinished one.
 */
interface NewRows extends AutoCloseable {
    String COLUMNS = "id, person_id, source_kind, source_id, resource_type, resource_id, state, category, display,"
            + " record_date, version_id, last_updated, resource, fetched_at, source_document";

    /** Adds a row in state {@code state}: pending, or merged into another source's record of the same fact. */
    void add(UUID id, RecordFacts facts, RecordState state) throws SQLException;

    void finish() throws SQLException;

    @Override
    void close() throws SQLException;

    /** On PostgreSQL one {@code COPY … (FORMAT binary)} fed as the page is mapped; elsewhere a JDBC batch. */
    static NewRows open(Connection db, boolean postgres, UUID personId, RecordSource source, UUID document,
            Instant fetchedAt) throws SQLException {
        return postgres ? new Copy(db, personId, source, document, fetchedAt)
                : new Batch(db, personId, source, document, fetchedAt);
    }

    /**
     * Rows streamed into PostgreSQL with binary COPY while the rest of the page is still being mapped: PostgreSQL
     * stores one part while Java maps the next (the two run on different cores), and binary values need no text
     * parsing (a third less time than text COPY or batched INSERTs in docs/benchmarks.md, row 3). Values are
     * checked by PostgreSQL as for an INSERT (column lengths, no NUL in text); a failure aborts the transaction.
     */
    final class Copy implements NewRows {
        /** Bytes sent per write: PostgreSQL starts storing while the next part is written. */
        private static final int FLUSH_AT = 64 * 1024;
        private static final byte[] HEADER = "PGCOPY\n\377\r\n\0".getBytes(StandardCharsets.ISO_8859_1);
        private static final long POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1).toEpochDay();
        private static final long POSTGRES_EPOCH_MICROS = POSTGRES_EPOCH_DAY * 86_400_000_000L;
        private static final byte[] PENDING = RecordState.PENDING.code().getBytes(StandardCharsets.UTF_8);
        private static final byte[] MERGED = RecordState.MERGED.code().getBytes(StandardCharsets.UTF_8);

        private final CopyIn copy;
        private final UUID personId;
        private final byte[] kind;
        private final UUID sourceId;
        private final long fetchedAtMicros;
        private final UUID document;
        private byte[] buf = new byte[FLUSH_AT + 8 * 1024];
        private int len;

        Copy(Connection db, UUID personId, RecordSource source, UUID document, Instant fetchedAt)
                throws SQLException {
            this.copy = db.unwrap(PGConnection.class).getCopyAPI().copyIn("copy health_record (" + COLUMNS
                    + ") from stdin (format binary)");
            this.personId = personId;
            this.kind = source.kind().getBytes(StandardCharsets.UTF_8);
            this.sourceId = source.id();
            this.document = document;
            this.fetchedAtMicros = Math.addExact(Math.multiplyExact(fetchedAt.getEpochSecond(), 1_000_000L),
                    fetchedAt.getNano() / 1000) - POSTGRES_EPOCH_MICROS;
            bytes(HEADER);
            int32(0); // flags
            int32(0); // header extension length
        }

        @Override
        public void add(UUID id, RecordFacts f, RecordState state) throws SQLException {
            int16(15);
            uuid(id);
            uuid(personId);
            field(kind);
            uuid(sourceId);
            text(f.resourceType());
            text(f.resourceId());
            field(state == RecordState.MERGED ? MERGED : PENDING);
            text(f.category().code());
            text(f.display());
            if (f.date() == null) {
                int32(-1);
            } else {
                int32(4);
                int32(Math.toIntExact(f.date().toEpochDay() - POSTGRES_EPOCH_DAY));
            }
            text(f.versionId());
            text(f.lastUpdated());
            text(f.json());
            int32(8);
            int64(fetchedAtMicros);
            if (document == null) {
                int32(-1);
            } else {
                uuid(document);
            }
            if (len >= FLUSH_AT) {
                flush();
            }
        }

        @Override
        public void finish() throws SQLException {
            int16(-1);
            flush();
            copy.endCopy();
        }

        @Override
        public void close() throws SQLException {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }

        private void flush() throws SQLException {
            if (len > 0) {
                copy.writeToCopy(buf, 0, len);
                len = 0;
            }
        }

        private void text(String s) {
            if (s == null) {
                int32(-1);
            } else {
                field(s.getBytes(StandardCharsets.UTF_8));
            }
        }

        private void field(byte[] b) {
            int32(b.length);
            bytes(b);
        }

        private void uuid(UUID u) {
            int32(16);
            int64(u.getMostSignificantBits());
            int64(u.getLeastSignificantBits());
        }

        private void room(int n) {
            if (len + n > buf.length) {
                buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            }
        }

        private void bytes(byte[] b) {
            room(b.length);
            System.arraycopy(b, 0, buf, len, b.length);
            len += b.length;
        }

        private void int16(int v) {
            room(2);
            buf[len++] = (byte) (v >>> 8);
            buf[len++] = (byte) v;
        }

        private void int32(int v) {
            room(4);
            buf[len++] = (byte) (v >>> 24);
            buf[len++] = (byte) (v >>> 16);
            buf[len++] = (byte) (v >>> 8);
            buf[len++] = (byte) v;
        }

        private void int64(long v) {
            int32((int) (v >>> 32));
            int32((int) v);
        }
    }

    /** Other databases (H2 in development and tests): one JDBC batch of INSERTs. */
    final class Batch implements NewRows {
        private final PreparedStatement insert;
        private final UUID personId;
        private final RecordSource source;
        private final OffsetDateTime fetchedAt;
        private final UUID document;
        private int rows;

        Batch(Connection db, UUID personId, RecordSource source, UUID document, Instant fetchedAt)
                throws SQLException {
            this.insert = db.prepareStatement("insert into health_record (" + COLUMNS
                    + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            this.document = document;
            this.personId = personId;
            this.source = source;
            this.fetchedAt = fetchedAt.atOffset(ZoneOffset.UTC);
        }

        @Override
        public void add(UUID id, RecordFacts f, RecordState state) throws SQLException {
            insert.setObject(1, id);
            insert.setObject(2, personId);
            insert.setString(3, source.kind());
            insert.setObject(4, source.id());
            insert.setString(5, f.resourceType());
            insert.setString(6, f.resourceId());
            insert.setString(7, state.code());
            insert.setString(8, f.category().code());
            insert.setString(9, f.display());
            if (f.date() == null) {
                insert.setNull(10, Types.DATE);
            } else {
                insert.setObject(10, f.date());
            }
            insert.setString(11, f.versionId());
            insert.setString(12, f.lastUpdated());
            insert.setString(13, f.json());
            insert.setObject(14, fetchedAt);
            insert.setObject(15, document); // null for a portal's record
            insert.addBatch();
            rows++;
        }

        @Override
        public void finish() throws SQLException {
            if (rows > 0) {
                insert.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            insert.close();
        }
    }
}
