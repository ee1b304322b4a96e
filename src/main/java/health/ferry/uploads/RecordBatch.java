package health.ferry.uploads;

import health.ferry.uploads.detection.Extraction;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Extracted documents gathered for one write: a transaction per document cost a commit (and on PostgreSQL a WAL
 * flush) and seven statements for each of an upload's hundreds of documents. A batch is written when it holds
 * {@link #MAX_DOCUMENTS} documents or {@link #MAX_CHARS} characters of text, when its first document has waited
 * {@link #MAX_WAIT_NANOS} (so the progress a participant sees still moves), and at the end. A crash loses at most one
 * batch, whose documents the resumed job extracts again, as it does for any document not yet recorded.
 */
final class RecordBatch {
    static final int MAX_DOCUMENTS = 64;
    static final long MAX_CHARS = 4_000_000;
    static final long MAX_WAIT_NANOS = 500_000_000L;

    /** One extracted document waiting to be recorded. */
    record Found(DocumentEntry entry, Extraction extraction) {
    }

    private final Consumer<List<Found>> write;
    private final LongSupplier clock;
    private final List<Found> pending = new ArrayList<>();
    private long chars;
    private long firstAt;

    RecordBatch(Consumer<List<Found>> write) {
        this(write, System::nanoTime);
    }

    RecordBatch(Consumer<List<Found>> write, LongSupplier nanoClock) {
        this.write = write;
        this.clock = nanoClock;
    }

    /** Adds a document; writes the batch when it is full or its oldest document has waited long enough. */
    void add(DocumentEntry entry, Extraction extraction) {
        if (pending.isEmpty()) {
            firstAt = clock.getAsLong();
        }
        pending.add(new Found(entry, extraction));
        chars += extraction.text().length();
        if (pending.size() >= MAX_DOCUMENTS || chars >= MAX_CHARS || clock.getAsLong() - firstAt >= MAX_WAIT_NANOS) {
            flush();
        }
    }

    /** Writes what is waiting, if anything. */
    void flush() {
        if (pending.isEmpty()) {
            return;
        }
        write.accept(List.copyOf(pending));
        pending.clear();
        chars = 0;
    }
}
