package health.ferry.uploads.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An upload the HTTP layer spooled to disk is kept without a copy and read once: renamed into the store, hashed in
 * one pass (the process's own read counter, {@code rchar} of {@code /proc/self/io}, grows by the file's size, not
 * twice it), and filed under that hash, so the same bytes adopted again are the same original (how duplicates are
 * found). The store behind it, a real {@link LocalBlobStore} wrapped to record calls, is asked to publish once and
 * never to fetch (no re-read through it).
 */
class AdoptedOriginalTest {
    @TempDir
    Path root;

    @Test
    void keepsTheSpooledFileItselfAndHashesItInOnePass() throws Exception {
        SpyStore spy = new SpyStore(new LocalBlobStore(root));
        UploadStorage storage = new UploadStorage(root, spy);
        storage.adoptOriginal(spooled("warm-up", bytes(64 * 1024, 1)), Long.MAX_VALUE); // classes loaded first
        spy.calls.clear();

        byte[] content = bytes(16 * 1024 * 1024, 2);
        Path spooled = spooled("upload-1", content);
        Object inode = Files.readAttributes(spooled, BasicFileAttributes.class).fileKey();
        long readBefore = bytesReadByThisProcess();
        StoredBlob blob = storage.adoptOriginal(spooled, content.length);
        long read = bytesReadByThisProcess() - readBefore;

        assertEquals(sha256(content), blob.sha256());
        assertEquals("originals/" + blob.sha256().substring(0, 2) + "/" + blob.sha256(), blob.path());
        assertEquals(content.length, blob.size());
        assertFalse(Files.exists(spooled), "the spooled file was moved, not copied");
        Path kept = storage.resolve(blob.path());
        assertEquals(inode, Files.readAttributes(kept, BasicFileAttributes.class).fileKey(),
                "the stored original is the very file the HTTP layer wrote");
        if (read >= 0) {
            assertTrue(read >= content.length && read < content.length + content.length / 2,
                    "one read pass over " + content.length + " bytes, but " + read + " bytes were read");
        }
        assertEquals(List.of("publish " + blob.path()), spy.calls);
        assertEquals(0, leftovers(), "no temporary file is left behind");

        StoredBlob again = storage.adoptOriginal(spooled("upload-2", content), content.length);
        assertEquals(blob, again, "the same bytes again are the same original: the duplicate is found by its hash");
    }

    @Test
    void overTheLimitKeepsNothing() throws Exception {
        UploadStorage storage = new UploadStorage(root);
        Path spooled = spooled("too-big", bytes(1000, 3));
        assertThrows(BlobTooLarge.class, () -> storage.adoptOriginal(spooled, 999));
        assertFalse(Files.exists(spooled));
        try (Stream<Path> files = Files.walk(root.resolve("originals").getParent())) {
            assertEquals(List.of(), files.filter(Files::isRegularFile).toList());
        }
    }

    @Test
    void aFileOnAnotherFileSystemIsCopiedAndHashedInTheSameLoop() throws Exception {
        Path shm = Path.of("/dev/shm");
        assumeTrue(Files.isDirectory(shm) && Files.isWritable(shm)
                && !Files.getFileStore(shm).equals(Files.getFileStore(root)), "no second file system at hand");
        UploadStorage storage = new UploadStorage(root);
        byte[] content = bytes(300_000, 4);
        Path elsewhere = Files.write(Files.createTempFile(shm, "ferry-spooled", ".part"), content);
        try {
            StoredBlob blob = storage.adoptOriginal(elsewhere, content.length);
            assertEquals(sha256(content), blob.sha256());
            assertFalse(Files.exists(elsewhere));
            assertEquals(blob.sha256(), storage.sha256Of(blob.path()));
        } finally {
            Files.deleteIfExists(elsewhere);
        }
    }

    private Path spooled(String name, byte[] content) throws IOException {
        return Files.write(Files.createDirectories(root.resolve("incoming")).resolve(name), content);
    }

    private long leftovers() throws IOException {
        try (Stream<Path> files = Files.list(root.resolve("tmp"))) {
            return files.count();
        }
    }

    private static byte[] bytes(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }

    /** Bytes this process has read through read(2) so far ({@code rchar}); -1 where /proc is not there. */
    private static long bytesReadByThisProcess() throws IOException {
        Path io = Path.of("/proc/self/io");
        if (!Files.isReadable(io)) {
            return -1;
        }
        for (String line : Files.readAllLines(io)) {
            if (line.startsWith("rchar:")) {
                return Long.parseLong(line.substring(6).strip());
            }
        }
        return -1;
    }

    /** A real store that records what it was asked to do. */
    private static final class SpyStore implements BlobStore {
        final List<String> calls = new ArrayList<>();
        private final BlobStore real;

        SpyStore(BlobStore real) {
            this.real = real;
        }

        @Override
        public void publish(String key, Path local) throws IOException {
            calls.add("publish " + key);
            real.publish(key, local);
        }

        @Override
        public boolean fetch(String key, Path target) throws IOException {
            calls.add("fetch " + key);
            return real.fetch(key, target);
        }

        @Override
        public List<String> list(String prefix) throws IOException {
            calls.add("list " + prefix);
            return real.list(prefix);
        }

        @Override
        public Optional<Instant> modified(String key) throws IOException {
            calls.add("modified " + key);
            return real.modified(key);
        }

        @Override
        public boolean copy(String from, String to) throws IOException {
            calls.add("copy " + from);
            return real.copy(from, to);
        }

        @Override
        public void delete(String key) throws IOException {
            calls.add("delete " + key);
            real.delete(key);
        }

        @Override
        public void check() throws IOException {
            real.check();
        }

        @Override
        public boolean local() {
            return real.local();
        }

        @Override
        public String describe() {
            return real.describe();
        }
    }
}
