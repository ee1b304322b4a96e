package health.ferry.uploads.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Originals are kept once per SHA-256, counted while written, and never at a path an upload could choose. */
class UploadStorageTest {
    @TempDir
    Path root;

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keepsOriginalsContentAddressedAndOnlyOnce() throws Exception {
        UploadStorage storage = new UploadStorage(root);
        StoredBlob first = storage.storeOriginal(bytes("hello"), 100);
        StoredBlob again = storage.storeOriginal(bytes("hello"), 100);
        assertEquals("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824", first.sha256());
        assertEquals("originals/2c/" + first.sha256(), first.path());
        assertEquals(first, again);
        assertEquals(5, first.size());
        assertEquals("hello", Files.readString(storage.resolve(first.path())));
        assertEquals(first.sha256(), storage.sha256Of(first.path()));
        try (Stream<Path> partials = Files.list(root.resolve("tmp"))) {
            assertEquals(0, partials.count(), "no temporary file is left behind");
        }
    }

    @Test
    void theSameBytesStoredAgainHealADamagedCopy() throws Exception {
        UploadStorage storage = new UploadStorage(root);
        StoredBlob blob = storage.storeOriginal(bytes("intact"), 100);
        Files.writeString(storage.resolve(blob.path()), "damaged");
        storage.storeOriginal(bytes("intact"), 100);
        assertEquals(blob.sha256(), storage.sha256Of(blob.path()));
    }

    @Test
    void countsWhileWritingAndKeepsNothingOverTheLimit() throws Exception {
        UploadStorage storage = new UploadStorage(root);
        assertThrows(BlobTooLarge.class, () -> storage.storeOriginal(bytes("123456"), 5));
        try (Stream<Path> files = Files.walk(root)) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void refusesPathsOutsideTheStore() throws Exception {
        UploadStorage storage = new UploadStorage(root);
        assertThrows(IllegalArgumentException.class, () -> storage.resolve("../outside"));
        assertThrows(IllegalArgumentException.class, () -> storage.resolve("/etc/passwd"));
        assertThrows(IllegalArgumentException.class, () -> storage.resolve("originals/../.."));
    }

    @Test
    void theLocalStoreCopiesOnlyInsideItself() throws Exception {
        LocalBlobStore store = new LocalBlobStore(root);
        StoredBlob blob = new UploadStorage(root, store).storeOriginal(bytes("copied"), 100);
        assertTrue(store.copy(blob.path(), "tmp/aside.orphan"));
        assertEquals("copied", Files.readString(root.resolve("tmp/aside.orphan")));
        assertFalse(store.copy("originals/00/" + "0".repeat(64), "tmp/none"), "nothing to copy");
        assertThrows(IllegalArgumentException.class, () -> store.copy(blob.path(), "../outside"));
        assertThrows(IllegalArgumentException.class, () -> store.copy("/etc/passwd", "tmp/x"));
    }

    @Test
    void prunesAnInterruptedRunsEntriesButKeepsRecordedOnes() throws Exception {
        UploadStorage storage = new UploadStorage(root);
        UUID upload = UUID.randomUUID();
        String kept = UUID.randomUUID().toString();
        String left = UUID.randomUUID().toString();
        storage.entries(upload).store(kept, bytes("kept"));
        storage.entries(upload).store(left, bytes("left"));
        storage.pruneEntries(upload, Set.of(storage.entryPath(upload, kept)));
        assertTrue(Files.exists(storage.resolve(storage.entryPath(upload, kept))));
        assertFalse(Files.exists(storage.resolve(storage.entryPath(upload, left))));
    }

    @Test
    void sweepsOnlyOldPartialFiles() throws Exception {
        UploadStorage storage = new UploadStorage(root);
        Path old = Files.writeString(root.resolve("tmp/old.part"), "x");
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minus(Duration.ofDays(1))));
        Path fresh = Files.writeString(root.resolve("tmp/fresh.part"), "x");
        assertEquals(1, storage.sweepPartials(Duration.ofHours(6)));
        assertFalse(Files.exists(old));
        assertTrue(Files.exists(fresh));
    }

    @Test
    void readsOnlyBytesThatStillHaveTheirHash() throws Exception {
        UploadStorage storage = new UploadStorage(root);
        StoredBlob blob = storage.storeOriginal(bytes("original bytes"), 100);
        assertEquals(storage.resolve(blob.path()), storage.open(blob.path(), blob.sha256()));
        Files.writeString(storage.resolve(blob.path()), "tampered bytes");
        BlobDamaged e = assertThrows(BlobDamaged.class, () -> storage.open(blob.path(), blob.sha256()));
        assertTrue(e.getMessage().contains(blob.sha256()), e.getMessage());
        storage.store().check();
    }
}
