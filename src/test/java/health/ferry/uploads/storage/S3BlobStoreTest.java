package health.ferry.uploads.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Upload storage on S3-compatible object storage, against a real S3 server (S3Mock over HTTP): what one instance
 * stores, another with an empty local folder reads back, checked by SHA-256; damaged bytes are refused loudly.
 */
class S3BlobStoreTest {
    private static S3TestServer server;
    private static S3BlobStore store;

    @TempDir
    Path first;
    @TempDir
    Path second;
    @TempDir
    Path third;

    @BeforeAll
    static void startServer(@TempDir Path folder) throws Exception {
        server = S3TestServer.start(folder, "ferry-uploads");
        store = new S3BlobStore(server.settings("ferry/"));
    }

    @AfterAll
    static void stopServer() throws Exception {
        if (store != null) {
            store.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static ByteArrayInputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void anotherInstanceReadsWhatOneStoredVerified() throws Exception {
        UploadStorage one = new UploadStorage(first, store);
        StoredBlob blob = one.storeOriginal(bytes("a discharge summary " + UUID.randomUUID()), 1_000);
        assertTrue(store.list("originals/").contains(blob.path()), "the object is in the bucket under the prefix");

        UploadStorage other = new UploadStorage(second, store);
        assertFalse(Files.exists(second.resolve(blob.path())), "the second instance starts without a copy");
        Path local = other.open(blob.path(), blob.sha256());
        assertEquals(Files.readString(first.resolve(blob.path())), Files.readString(local));
        assertEquals(blob.sha256(), other.sha256Of(blob.path()));
    }

    @Test
    void aDamagedLocalCopyIsReplacedFromTheStore() throws Exception {
        UploadStorage one = new UploadStorage(first, store);
        StoredBlob blob = one.storeOriginal(bytes("lab results " + UUID.randomUUID()), 1_000);
        Files.writeString(first.resolve(blob.path()), "flipped bits");
        Path local = one.open(blob.path(), blob.sha256());
        assertEquals(blob.sha256(), one.sha256Of(blob.path()));
        assertTrue(Files.readString(local).startsWith("lab results "));
    }

    @Test
    void damagedBytesInTheStoreAreRefusedWithAClearError() throws Exception {
        UploadStorage one = new UploadStorage(first, store);
        StoredBlob blob = one.storeOriginal(bytes("imaging report " + UUID.randomUUID()), 1_000);
        Path tampered = Files.writeString(first.resolve("tampered"), "not what was uploaded");
        store.publish(blob.path(), tampered);

        UploadStorage other = new UploadStorage(second, store);
        BlobDamaged e = assertThrows(BlobDamaged.class, () -> other.open(blob.path(), blob.sha256()));
        assertTrue(e.getMessage().contains(blob.path()) && e.getMessage().contains(blob.sha256()), e.getMessage());
    }

    @Test
    void bytesNobodyHasAreMissingNotEmpty() throws Exception {
        UploadStorage one = new UploadStorage(first, store);
        String sha = "0".repeat(64);
        assertThrows(NoSuchFileException.class, () -> one.open("originals/00/" + sha, sha));
    }

    @Test
    void entriesArePublishedAndAnInterruptedRunsLeftoversPrunedInTheBucket() throws Exception {
        UploadStorage one = new UploadStorage(first, store);
        UUID upload = UUID.randomUUID();
        String kept = UUID.randomUUID().toString();
        String left = UUID.randomUUID().toString();
        one.entries(upload).store(kept, bytes("kept"));
        one.entries(upload).store(left, bytes("left"));
        one.publishEntry(upload, kept);
        one.publishEntry(upload, left);
        assertEquals(2, store.list("entries/" + upload + "/").size());

        one.pruneEntries(upload, Set.of(one.entryPath(upload, kept)));
        assertEquals(List.of(one.entryPath(upload, kept)), store.list("entries/" + upload + "/"));
        assertFalse(Files.exists(one.resolve(one.entryPath(upload, left))));
    }

    @Test
    void anOrphanedOriginalGoesFromTheBucketAndTheLocalCopyOnlyOnceOlderThanTheGrace() throws Exception {
        UploadStorage one = new UploadStorage(first, store);
        StoredBlob blob = one.storeOriginal(bytes("refused " + UUID.randomUUID()), 1_000);
        java.time.Instant written = store.modified(blob.path()).orElseThrow();
        assertTrue(one.originals().contains(blob.path()));

        assertFalse(one.removeOrphan(blob.path(), written.minusSeconds(60), () -> true), "within the grace: it stays");
        assertTrue(store.list("originals/").contains(blob.path()));
        assertTrue(Files.exists(first.resolve(blob.path())));

        Files.setLastModifiedTime(first.resolve(blob.path()),
                java.nio.file.attribute.FileTime.from(written.minusSeconds(3600)));
        assertTrue(one.removeOrphan(blob.path(), written.plusSeconds(60), () -> true));
        assertFalse(store.list("originals/").contains(blob.path()), "gone from the bucket");
        assertFalse(Files.exists(first.resolve(blob.path())), "and the local copy");
        assertEquals(Optional.empty(), store.modified(blob.path()));
    }

    /** An original the first instance stored, a sweeper on the second, and a time after the object's write. */
    private record Orphan(UploadStorage one, StoredBlob blob, java.time.Instant after, UploadStorage sweeper) {
    }

    private Orphan orphan(String text) throws Exception {
        UploadStorage one = new UploadStorage(first, store);
        StoredBlob blob = one.storeOriginal(bytes(text + UUID.randomUUID()), 1_000);
        return new Orphan(one, blob, store.modified(blob.path()).orElseThrow().plusSeconds(60),
                new UploadStorage(second, store));
    }

    @Test
    void anUploadRecordedWhileItsBytesAreSweptKeepsThemInTheBucket() throws Exception {
        Orphan o = orphan("uploaded again ");

        // The sweep found no reference and an old object; by the time it asks again an upload of the same bytes
        // (which may have written the object just before the delete) has been recorded.
        assertFalse(o.sweeper().removeOrphan(o.blob().path(), o.after(), () -> {
            try {
                assertEquals(Optional.empty(), store.modified(o.blob().path()), "set aside while it asks");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return false;
        }));
        assertTrue(store.modified(o.blob().path()).isPresent(), "put back");
        Path read = new UploadStorage(third, store).open(o.blob().path(), o.blob().sha256()); // checks the SHA-256
        assertTrue(Files.readString(read).startsWith("uploaded again "), "with the same bytes");
        assertTrue(store.list("tmp/").stream().noneMatch(k -> k.endsWith(".orphan")), "and nothing left aside");
    }

    @Test
    void aSweepWhoseSecondQuestionFailsPutsTheObjectBack() throws Exception {
        Orphan o = orphan("database gone ");
        BooleanSupplier unreachable = () -> {
            throw new IllegalStateException("the database is unreachable");
        };
        assertThrows(IllegalStateException.class, () -> o.sweeper().removeOrphan(o.blob().path(), o.after(),
                unreachable));
        assertTrue(store.modified(o.blob().path()).isPresent(), "not knowing is not unreferenced: it is back");
    }

    @Test
    void anUploadRecordedAfterTheSweepsLastQuestionPublishesItsCopyAgain() throws Exception {
        Orphan o = orphan("recorded late ");
        assertTrue(o.sweeper().removeOrphan(o.blob().path(), o.after(), () -> true),
                "still unreferenced when asked again");
        assertEquals(Optional.empty(), store.modified(o.blob().path()));

        o.one().ensurePublished(o.blob()); // what the upload's intake does once the upload is recorded
        assertTrue(store.modified(o.blob().path()).isPresent());
        Path read = new UploadStorage(third, store).open(o.blob().path(), o.blob().sha256());
        assertTrue(Files.readString(read).startsWith("recorded late "));
        o.one().ensurePublished(o.blob()); // present: nothing to do
    }

    @Test
    void readinessCheckSeesTheBucketAndAMissingOne() throws Exception {
        store.check();
        S3Settings missing = server.settings("");
        try (S3BlobStore nowhere = new S3BlobStore(new S3Settings(missing.endpoint(), "us-east-1", "no-such-bucket",
                "", true, Optional.of("k"), Optional.of("s")))) {
            assertThrows(java.io.IOException.class, nowhere::check);
        }
    }
}
