package health.ferry.proofs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks shared by the proofs: waiting on the job table, exactly-once accounting, and the logs. */
final class ProofChecks {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProofChecks() {
    }

    /** Waits until every upload has left received/processing. */
    static void awaitFinished(ProofDatabase db, Collection<String> uploads, Duration timeout) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (unfinished(db, uploads).isEmpty()) {
                return;
            }
            Thread.sleep(1000);
        }
        fail("uploads still unfinished after " + timeout + ": " + unfinished(db, uploads));
    }

    static List<String> unfinished(ProofDatabase db, Collection<String> uploads) throws SQLException {
        List<String> open = new ArrayList<>();
        for (String id : uploads) {
            String status = db.column("select status from upload where id = cast(? as uuid)", id).get(0);
            if ("received".equals(status) || "processing".equals(status)) {
                open.add(id);
            }
        }
        return open;
    }

    /** Each upload ended ready for review with exactly {@code documents} documents, one per archive entry. */
    static void eachCompleteOnce(ProofDatabase db, Map<String, Integer> documents) throws SQLException {
        for (Map.Entry<String, Integer> e : documents.entrySet()) {
            String id = e.getKey();
            assertEquals("ready_for_review", db.column("select status from upload where id = cast(? as uuid)", id)
                    .get(0), "upload " + id);
            assertEquals(e.getValue().longValue(), db.count(
                    "select count(*) from upload_document where upload_id = cast(? as uuid)", id),
                    "no document lost or duplicated in " + id);
            assertEquals(e.getValue().longValue(), db.count(
                    "select count(distinct entry_index) from upload_document where upload_id = cast(? as uuid)", id));
            assertEquals("done", db.column("select state from upload_job where upload_id = cast(? as uuid)", id)
                    .get(0));
        }
    }

    static long attempts(ProofDatabase db, String upload) throws SQLException {
        return db.count("select attempts from upload_job where upload_id = cast(? as uuid)", upload);
    }

    /** Upload ids an instance's log reports as finished ({@code upload <id>: ready_for_review}). */
    static List<String> finishedIn(Path log) throws IOException {
        Matcher m = Pattern.compile("upload ([0-9a-f-]{36}): ready_for_review").matcher(Files.readString(log));
        List<String> ids = new ArrayList<>();
        while (m.find()) {
            ids.add(m.group(1));
        }
        return ids;
    }

    /**
     * The prod log is one JSON object per line, and none of it names a person, a file of an upload, or carries a
     * token: {@code forbidden} lists what must not appear.
     */
    static void structuredWithoutPersonalData(Path log, List<String> forbidden) throws IOException {
        List<String> lines = Files.readAllLines(log);
        int records = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            assertTrue(line.startsWith("{"), "not a JSON log record: " + line);
            Map<?, ?> record = JSON.readValue(line, Map.class);
            assertTrue(record.containsKey("message") && record.containsKey("level"), line);
            records++;
        }
        assertTrue(records > 10, "the instance logged");
        String text = String.join("\n", lines);
        for (String word : forbidden) {
            assertFalse(text.contains(word), "the log contains " + word);
        }
        assertFalse(Pattern.compile("eyJ[A-Za-z0-9_-]{10,}\\.").matcher(text).find(), "the log contains a token");
    }
}
