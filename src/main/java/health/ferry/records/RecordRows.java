package health.ferry.records;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.Session;

/**
 * A person's records of one state (and category), listed: read with one SQL query of the listed columns on the
 * transaction's connection, in the list's order — category, newest first with undated records last, display, id —
 * from the index {@code ix_health_record_list} (person, state, category, date; V13).
 * The JSON API's answer, {@code {"items":[…],"total":n}}, is written straight from the rows into one buffer by a
 * streaming generator, with no entity, view object or reflective serialisation per record: the contract's plain
 * {@code GET} answers every record of a chart at once (4,000 and more; docs/benchmarks.md §5). Its shape is
 * {@link RecordsApi.Page}'s, field for field ({@code RecordRowsTest} compares it with the application's ObjectMapper
 * rendering of the same records). The pages read their {@link RecordView}s here too, in the same order.
 */
@ApplicationScoped
class RecordRows {
    private static final String SELECT = "select id, category, resource_type, display, record_date, state, "
            + "source_kind, source_id from health_record where person_id = ? and state = ?";
    private static final String ORDER = " order by category, record_date desc nulls last, display, id";
    /** About what one record takes in the answer: the buffer starts near its final size. */
    private static final int BYTES_PER_RECORD = 220;

    @Inject
    EntityManager entityManager;
    @Inject
    ObjectMapper json;

    /**
     * The JSON list of the records of the person in that state (and category, when not null): {@code size} of them
     * from {@code first} in the list's order, or all of them when {@code size} is null. {@code total} is the list's
     * total; null for as many as were written (the whole list).
     */
    Buffer json(UUID personId, String state, String category, long first, Integer size, Long total) {
        Buffer out = Buffer.buffer(BYTES_PER_RECORD * (size == null ? 64 : Math.min(size, 512)));
        read(personId, state, category, first, size, rows -> {
            try (JsonGenerator g = json.getFactory().createGenerator(new BufferStream(out))) {
                g.writeStartObject();
                g.writeFieldName("items");
                g.writeStartArray();
                long written = 0;
                while (rows.next()) {
                    g.writeStartObject();
                    g.writeStringField("id", rows.getString(1));
                    g.writeStringField("category", rows.getString(2));
                    g.writeStringField("resourceType", rows.getString(3));
                    g.writeStringField("display", rows.getString(4));
                    LocalDate date = rows.getObject(5, LocalDate.class);
                    g.writeStringField("date", date == null ? null : date.toString());
                    g.writeStringField("state", rows.getString(6));
                    g.writeFieldName("source");
                    g.writeStartObject();
                    g.writeStringField("kind", rows.getString(7));
                    g.writeStringField("id", rows.getString(8));
                    g.writeEndObject();
                    g.writeEndObject();
                    written++;
                }
                g.writeEndArray();
                g.writeNumberField("total", total == null ? written : total);
                g.writeEndObject();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return null;
        });
        return out;
    }

    /** The same records as views, {@code size} of them from {@code first}, for the pages. */
    List<RecordView> views(UUID personId, String state, String category, long first, int size) {
        return read(personId, state, category, first, size, rows -> {
            List<RecordView> views = new ArrayList<>();
            while (rows.next()) {
                views.add(new RecordView(rows.getObject(1, UUID.class), rows.getString(2), rows.getString(3),
                        rows.getString(4), rows.getObject(5, LocalDate.class), rows.getString(6),
                        new RecordSource(rows.getString(7), rows.getObject(8, UUID.class))));
            }
            return views;
        });
    }

    private <T> T read(UUID personId, String state, String category, long first, Integer size, Rows<T> reader) {
        String sql = SELECT + (category == null ? "" : " and category = ?") + ORDER
                + (size == null ? "" : " offset ? rows fetch next ? rows only");
        return entityManager.unwrap(Session.class).doReturningWork(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int p = 1;
                query.setObject(p++, personId);
                query.setString(p++, state);
                if (category != null) {
                    query.setString(p++, category);
                }
                if (size != null) {
                    query.setLong(p++, first);
                    query.setInt(p, size);
                }
                try (ResultSet rows = query.executeQuery()) {
                    return reader.read(rows);
                }
            }
        });
    }

    @FunctionalInterface
    private interface Rows<T> {
        T read(ResultSet rows) throws SQLException;
    }

    /** Appends to a Vert.x buffer, which the REST layer sends as it is. */
    private static final class BufferStream extends OutputStream {
        private final Buffer buffer;

        BufferStream(Buffer buffer) {
            this.buffer = buffer;
        }

        @Override
        public void write(int b) {
            buffer.appendByte((byte) b);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            buffer.appendBytes(b, off, len);
        }
    }
}
