package health.ferry.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.ExtractionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Extracted documents are recorded a batch per transaction, in order, none lost: a batch is written when it is full
 * (by count or by text), when its oldest document has waited half a second, and at the end.
 */
class RecordBatchTest {
    private final List<List<Integer>> written = new ArrayList<>();
    private final AtomicLong now = new AtomicLong();
    private final RecordBatch batch = new RecordBatch(found -> written.add(found.stream()
            .map(f -> f.entry().index()).toList()), now::get);

    private static DocumentEntry entry(int index) {
        return new DocumentEntry(index, "doc" + index, "entries/x/" + index, 10, "0".repeat(64), false);
    }

    private static Extraction text(int chars) {
        return new Extraction(ExtractionOutcome.OK, "text/plain", "x".repeat(chars), 1, false, false, false,
                List.of(), null);
    }

    @Test
    void fullBatchesByCountThenTheRestAtTheEnd() {
        for (int i = 0; i < 150; i++) {
            batch.add(entry(i), text(10));
        }
        assertEquals(2, written.size(), "two full batches of 64 so far");
        batch.flush();
        batch.flush(); // nothing left: no empty write
        assertEquals(List.of(64, 64, 22), written.stream().map(List::size).toList());
        assertEquals(0, written.get(0).get(0));
        assertEquals(149, written.get(2).get(21), "every document, in order");
    }

    @Test
    void aBatchIsWrittenWhenItsTextIsLarge() {
        batch.add(entry(0), text(3_000_000));
        assertEquals(0, written.size());
        batch.add(entry(1), text(1_000_000));
        assertEquals(List.of(List.of(0, 1)), written);
    }

    @Test
    void aBatchIsWrittenWhenItsFirstDocumentHasWaitedHalfASecond() {
        batch.add(entry(0), text(5));
        now.addAndGet(499_000_000L);
        batch.add(entry(1), text(5));
        assertEquals(0, written.size());
        now.addAndGet(2_000_000L);
        batch.add(entry(2), text(5));
        assertEquals(List.of(List.of(0, 1, 2)), written, "progress still moves while documents are slow");
    }
}
