package health.ferry.records;

import java.util.UUID;

/** Where a record came from: a portal connection or an upload, by id. */
public record RecordSource(String kind, UUID id) {
    public static RecordSource connection(UUID connectionId) {
        return new RecordSource("connection", connectionId);
    }

    public static RecordSource upload(UUID uploadId) {
        return new RecordSource("upload", uploadId);
    }
}
