package health.ferry.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.archive.DirectorySink;
import health.ferry.uploads.detection.DocumentExtractor;
import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.ExtractionOutcome;
import health.ferry.uploads.detection.ExtractionSettings;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Entries are extracted as soon as they are written, while the archive is still unpacking; the job takes the
 * results later, in its own order; a discarded entry's early work is dropped; only a bounded number is held ahead.
 */
class EarlyExtractionTest {
    @TempDir
    static Path dir;
    static DocumentExtractor extractor;

    @BeforeAll
    static void start() {
        extractor = new DocumentExtractor(ExtractionSettings.defaults());
    }

    @AfterAll
    static void stop() {
        extractor.close();
    }

    private static String store(EarlyExtraction early, String text) throws Exception {
        String key = UUID.randomUUID().toString();
        early.store(key, new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        return key;
    }

    @Test
    void entriesAreExtractedAsTheyAreWrittenAndTakenInAnyOrder() throws Exception {
        try (EarlyExtraction early = new EarlyExtraction(new DirectorySink(dir.resolve("a")), extractor)) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                keys.add(store(early, "Early note " + i + ": potassium 4." + i + " mmol/L."));
            }
            String dropped = store(early, "An entry the unpacker throws away.");
            early.discard(dropped);
            assertFalse(Files.exists(early.pathOf(dropped)), "the discarded entry's file is gone");
            assertEquals(Optional.empty(), early.take(dropped), "its early work is dropped");
            for (int i = 4; i >= 0; i--) {
                Extraction found = early.take(keys.get(i)).orElseThrow();
                assertEquals(ExtractionOutcome.OK, found.outcome(), found.failure());
                assertTrue(found.text().contains("potassium 4." + i), found.text());
                assertEquals(Optional.empty(), early.take(keys.get(i)), "a result is taken once");
            }
        }
    }

    @Test
    void onlyABoundedNumberIsHeldAhead() throws Exception {
        try (EarlyExtraction early = new EarlyExtraction(new DirectorySink(dir.resolve("b")), extractor)) {
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < EarlyExtraction.MOST_AHEAD + 6; i++) {
                keys.add(store(early, "Entry " + i));
            }
            int early0 = 0;
            for (String key : keys.subList(0, EarlyExtraction.MOST_AHEAD)) {
                early0 += early.take(key).isPresent() ? 1 : 0;
            }
            assertEquals(EarlyExtraction.MOST_AHEAD, early0);
            for (String key : keys.subList(EarlyExtraction.MOST_AHEAD, keys.size())) {
                assertEquals(Optional.empty(), early.take(key), "beyond the bound: extracted the ordinary way later");
            }
            String after = store(early, "Once taken, room again.");
            assertTrue(early.take(after).isPresent());
        }
    }
}
