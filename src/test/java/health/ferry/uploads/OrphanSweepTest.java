package health.ferry.uploads;

import static health.ferry.uploads.UploadCalls.HEART;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.storage.StoredBlob;
import health.ferry.uploads.storage.UploadStorage;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The sweep of upload storage: an original no upload references (what a refused request leaves) and temporary files
 * are removed once older than the grace period; an original an upload references stays however old, also when a
 * second, refused upload sent the same bytes (originals are shared by content); fresh files stay.
 */
@QuarkusTest
class OrphanSweepTest {
    static final Duration GRACE = Duration.ofHours(6);

    @Inject
    OrphanSweep sweep;
    @Inject
    UploadStorage storage;
    @ConfigProperty(name = "quarkus.http.body.uploads-directory")
    Path incoming;

    @Test
    void orphanedOriginalsAndOldTemporaryFilesGoReferencedOriginalsStay() throws Exception {
        Instant old = Instant.now().minus(GRACE).minus(Duration.ofHours(1));
        String person = UploadCalls.ward("alice", "Sweep Sam", HEART);
        byte[] kept = ("Visit note " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String id = UploadCalls.upload("alice", HEART, person, Map.of("note.txt", kept)).then().statusCode(202)
                .extract().path("id");
        assertEquals("ready_for_review", UploadCalls.finished("alice", id).getString("status"));
        // The same bytes again: refused as already uploaded, after they were kept (onto the same original).
        UploadCalls.upload("alice", HEART, person, Map.of("again.txt", kept)).then().statusCode(409);
        Path referenced = storage.resolve(original(kept));
        assertTrue(Files.exists(referenced));
        age(referenced, old);

        // Bytes kept for a request that was then refused or died: no upload row names them.
        StoredBlob orphan = storage.storeOriginal(new ByteArrayInputStream(("refused " + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8)), 1 << 20);
        Path orphanFile = storage.resolve(orphan.path());
        age(orphanFile, old);
        StoredBlob fresh = storage.storeOriginal(new ByteArrayInputStream(("in flight " + UUID.randomUUID())
                .getBytes(StandardCharsets.UTF_8)), 1 << 20);
        Path freshFile = storage.resolve(fresh.path());
        Path partial = Files.writeString(storage.resolve("tmp/" + UUID.randomUUID() + ".part"), "cut off");
        age(partial, old);
        Path writing = Files.writeString(storage.resolve("tmp/" + UUID.randomUUID() + ".part"), "still writing");
        Files.createDirectories(incoming);
        Path body = Files.writeString(incoming.resolve(UUID.randomUUID().toString()), "request body left behind");
        age(body, old);

        OrphanSweep.Swept swept = sweep.sweep(Instant.now().minus(GRACE));

        assertFalse(Files.exists(orphanFile), "the orphaned original");
        assertFalse(Files.exists(partial), "the old temporary file");
        assertFalse(Files.exists(body), "the request body left behind");
        assertTrue(Files.exists(referenced), "the original an upload references");
        assertEquals(UploadStorage.sha256OfOriginal(original(kept)).orElseThrow(), storage.sha256Of(original(kept)));
        assertTrue(Files.exists(freshFile), "an original within the grace period (its upload may be recording)");
        assertTrue(Files.exists(writing), "a temporary file being written");
        assertTrue(swept.originals() >= 1 && swept.temporary() >= 2, swept.toString());
        assertEquals(new OrphanSweep.Swept(0, 0), sweep.sweep(Instant.now().minus(GRACE)), "nothing left");
    }

    @Test
    void anOrphanWrittenAgainWhileBeingSweptIsPutBack() throws Exception {
        byte[] bytes = ("written twice " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        Path file = storage.resolve(storage.storeOriginal(new ByteArrayInputStream(bytes), 1 << 20).path());
        // An upload of the same bytes renamed its freshly written copy onto the path just before the sweep's look:
        // the file's time is new, so the sweep puts it back even though the caller found no reference yet.
        assertFalse(storage.removeOrphan(original(bytes), Instant.now().minus(GRACE), () -> true));
        assertTrue(Files.exists(file));
        age(file, Instant.now().minus(GRACE).minus(Duration.ofMinutes(1)));
        assertTrue(storage.removeOrphan(original(bytes), Instant.now().minus(GRACE), () -> true));
        assertFalse(Files.exists(file));
    }

    private static String original(byte[] bytes) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        return "originals/" + sha.substring(0, 2) + "/" + sha;
    }

    private static void age(Path file, Instant at) throws Exception {
        Files.setLastModifiedTime(file, FileTime.from(at));
    }
}
