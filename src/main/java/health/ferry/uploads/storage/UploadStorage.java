package health.ferry.uploads.storage;

import health.ferry.uploads.archive.DirectorySink;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The upload store: originals content-addressed by SHA-256 ({@code originals/ab/<sha256>}), unpacked entries under
 * server-generated keys ({@code entries/<upload id>/<uuid>}). Bytes are written to a temporary file in the local
 * folder, forced to disk and moved into place atomically, so no path ever names a partial file; then the
 * {@link BlobStore} keeps them (the folder itself, or object storage). Before use, bytes are read through
 * {@link #open(String, String)}, which fetches a missing local copy and checks its SHA-256. No file name from an
 * upload ever reaches a path.
 */
public final class UploadStorage {
    private static final int BUFFER = 64 * 1024;
    private static final Pattern ORIGINAL = Pattern.compile("originals/([0-9a-f]{2})/(\\1[0-9a-f]{62})");

    private final Path root;
    private final BlobStore store;

    /** The local file system as the store. */
    public UploadStorage(Path root) throws IOException {
        this(root, new LocalBlobStore(root));
    }

    /** Local working copies under {@code root}, kept for good by {@code store}. */
    public UploadStorage(Path root, BlobStore store) throws IOException {
        this.root = Files.createDirectories(root).toAbsolutePath().normalize();
        this.store = store;
        Files.createDirectories(this.root.resolve("tmp"));
    }

    /** Where bytes are kept for good. */
    public BlobStore store() {
        return store;
    }

    /**
     * Keeps {@code content} as an original, counting and hashing while it streams.
     *
     * @throws BlobTooLarge when more than {@code maxBytes} arrive (nothing is kept)
     */
    public StoredBlob storeOriginal(InputStream content, long maxBytes) throws IOException, BlobTooLarge {
        Path partial = partial();
        try {
            MessageDigest digest = sha256();
            long size = copy(content, partial, digest, maxBytes);
            return place(partial, digest, size);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Keeps as an original a file the HTTP layer has already written to disk ({@code spooled}), without copying it:
     * the file is renamed into this store's temporary folder, hashed in one read pass, forced to disk and renamed onto
     * its hash. Where {@code spooled} lies on another file system (no atomic rename), its bytes are copied as
     * {@link #storeOriginal} copies them, hashed in the same loop. Either way {@code spooled} is gone afterwards.
     *
     * @throws BlobTooLarge when the file has more than {@code maxBytes} (nothing is kept)
     */
    public StoredBlob adoptOriginal(Path spooled, long maxBytes) throws IOException, BlobTooLarge {
        Path partial = partial();
        try {
            try {
                Files.move(spooled, partial, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                try (InputStream in = Files.newInputStream(spooled)) {
                    return storeOriginal(in, maxBytes);
                } finally {
                    Files.deleteIfExists(spooled);
                }
            }
            MessageDigest digest = sha256();
            long size = hashInPlace(partial, digest, maxBytes);
            return place(partial, digest, size);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private Path partial() {
        return root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
    }

    /** Moves a complete, hashed temporary file onto its hash and hands it to the store. */
    private StoredBlob place(Path partial, MessageDigest digest, long size) throws IOException {
        String sha = HexFormat.of().formatHex(digest.digest());
        String relative = "originals/" + sha.substring(0, 2) + "/" + sha;
        Path target = root.resolve(relative);
        Files.createDirectories(target.getParent());
        moveIntoPlace(partial, target);
        store.publish(relative, target);
        return new StoredBlob(relative, sha, size);
    }

    /** The file behind a stored path; refuses anything that would leave the store. */
    public Path resolve(String relative) {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root) || path.equals(root)) {
            throw new IllegalArgumentException("not a storage path");
        }
        return path;
    }

    /**
     * The local file holding {@code relative}'s bytes, checked to have {@code sha256}: fetched from the store when
     * this instance has no copy, fetched again when its copy is damaged.
     *
     * @throws NoSuchFileException when neither this instance nor the store has the bytes
     * @throws BlobDamaged         when no copy with the expected SHA-256 is to be had
     */
    public Path open(String relative, String sha256) throws IOException {
        Path local = resolve(relative);
        if (!Files.exists(local) && !fetchInto(relative, local)) {
            throw new NoSuchFileException(relative);
        }
        String actual = sha256Of(relative);
        if (actual.equals(sha256)) {
            return local;
        }
        if (!store.local() && fetchInto(relative, local)) {
            actual = sha256Of(relative);
            if (actual.equals(sha256)) {
                return local;
            }
        }
        throw new BlobDamaged(relative, sha256, actual);
    }

    /** Keeps an unpacked entry (written by the sink of {@link #entries(UUID)}) in the store. */
    public void publishEntry(UUID uploadId, String key) throws IOException {
        String relative = entryPath(uploadId, key);
        store.publish(relative, resolve(relative));
    }

    /** The sink an upload's archive is unpacked into. */
    public DirectorySink entries(UUID uploadId) throws IOException {
        return new DirectorySink(entriesFolder(uploadId));
    }

    /** The stored path of an unpacked entry. */
    public String entryPath(UUID uploadId, String key) {
        return "entries/" + uploadId + "/" + key;
    }

    /** Removes an upload's unpacked entries other than {@code keep} (stored paths): leftovers of an interrupted run. */
    public void pruneEntries(UUID uploadId, Set<String> keep) throws IOException {
        Path folder = entriesFolder(uploadId);
        if (Files.isDirectory(folder)) {
            try (Stream<Path> files = Files.list(folder)) {
                for (Path file : files.toList()) {
                    if (!keep.contains(entryPath(uploadId, file.getFileName().toString()))) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        }
        for (String key : store.list("entries/" + uploadId + "/")) {
            if (!keep.contains(key)) {
                store.delete(key);
            }
        }
    }

    /** The SHA-256 of stored bytes, read again (integrity check before use). */
    public String sha256Of(String relative) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(resolve(relative))) {
            byte[] buffer = new byte[BUFFER];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** Deletes temporary files older than {@code age}: what a process killed mid-write left behind. */
    public int sweepPartials(Duration age) throws IOException {
        return sweepOlder(root.resolve("tmp"), Instant.now().minus(age));
    }

    /** Deletes the files directly in {@code folder} last written before {@code before}; how many. */
    public static int sweepOlder(Path folder, Instant before) throws IOException {
        if (!Files.isDirectory(folder)) {
            return 0;
        }
        int removed = 0;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                try {
                    if (Files.isRegularFile(file) && Files.getLastModifiedTime(file).toInstant().isBefore(before)
                            && Files.deleteIfExists(file)) {
                        removed++;
                    }
                } catch (NoSuchFileException e) {
                    // removed meanwhile (its request ended, or another sweep)
                }
            }
        }
        return removed;
    }

    /** The stored originals' paths: the store's, and this instance's local copies where the store is elsewhere. */
    public SortedSet<String> originals() throws IOException {
        SortedSet<String> keys = new TreeSet<>(store.list("originals/"));
        if (!store.local()) {
            keys.addAll(new LocalBlobStore(root).list("originals/"));
        }
        keys.removeIf(key -> sha256OfOriginal(key).isEmpty());
        return keys;
    }

    /** The SHA-256 an original's stored path names ({@code originals/ab/<sha256>}); empty for any other path. */
    public static Optional<String> sha256OfOriginal(String relative) {
        Matcher m = ORIGINAL.matcher(relative);
        return m.matches() ? Optional.of(m.group(2)) : Optional.empty();
    }

    /**
     * Removes the original {@code relative}, which the caller found no upload references, if it was last written
     * before {@code before}; answers whether anything was removed. The local file is first renamed aside and its
     * time read there: an upload storing the same bytes meanwhile renames a freshly written file onto the path, so
     * a fresh file set aside is an upload's and goes straight back, and one renamed in after ours stays.
     *
     * <p>Object storage has no rename, and an upload of the same bytes on another instance can write the object
     * between the store's answer "written before {@code before}" and the delete. So the object is copied aside
     * under {@code tmp/}, deleted, and {@code unreferenced} asked again: when an upload naming it was recorded
     * meanwhile, the copy goes back. An upload recorded after that question finds the object gone and publishes its
     * own copy again ({@link #ensurePublished}); between the two, every interleaving keeps the bytes.
     */
    public boolean removeOrphan(String relative, Instant before, BooleanSupplier unreferenced) throws IOException {
        if (sha256OfOriginal(relative).isEmpty()) {
            throw new IllegalArgumentException("not an original");
        }
        boolean removed = false;
        Path local = resolve(relative);
        Path aside = root.resolve("tmp").resolve(UUID.randomUUID() + ".orphan");
        boolean moved;
        try {
            Files.move(local, aside, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
        } catch (NoSuchFileException e) {
            moved = false;
        }
        if (moved) {
            if (Files.getLastModifiedTime(aside).toInstant().isBefore(before)) {
                Files.delete(aside);
                removed = true;
            } else {
                Files.move(aside, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        }
        if (!store.local()) {
            Optional<Instant> written = store.modified(relative);
            if (written.isPresent() && written.get().isBefore(before)) {
                String setAside = "tmp/" + UUID.randomUUID() + ".orphan";
                if (store.copy(relative, setAside)) {
                    boolean gone = false;
                    try {
                        store.delete(relative);
                        gone = unreferenced.getAsBoolean();
                    } finally {
                        if (!gone) { // referenced again, or the question failed (database down): put it back
                            store.copy(setAside, relative);
                        }
                    }
                    store.delete(setAside);
                    removed = gone;
                }
            }
        }
        return removed;
    }

    /**
     * Makes sure the store holds the original {@code blob}, written by this instance, once its upload is recorded:
     * an orphan sweep that judged the same bytes unreferenced just before the upload was recorded may have removed
     * the object (see {@link #removeOrphan}); the local copy is then published again. Nothing to do on the local
     * file system, where the sweep's rename keeps a fresh file.
     */
    public void ensurePublished(StoredBlob blob) throws IOException {
        if (!store.local() && store.modified(blob.path()).isEmpty()) {
            store.publish(blob.path(), open(blob.path(), blob.sha256()));
        }
    }

    /** Fetches {@code relative} from the store onto {@code local} atomically; false when the store lacks it. */
    private boolean fetchInto(String relative, Path local) throws IOException {
        if (store.local()) {
            return false;
        }
        Path partial = root.resolve("tmp").resolve(UUID.randomUUID() + ".part");
        try {
            if (!store.fetch(relative, partial)) {
                return false;
            }
            Files.createDirectories(local.getParent());
            Files.move(partial, local, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    private Path entriesFolder(UUID uploadId) {
        return root.resolve("entries").resolve(uploadId.toString());
    }

    private static long copy(InputStream content, Path partial, MessageDigest digest, long maxBytes)
            throws IOException, BlobTooLarge {
        long size = 0;
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                OutputStream out = Channels.newOutputStream(channel)) {
            byte[] buffer = new byte[BUFFER];
            for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
                size += n;
                if (size > maxBytes) {
                    throw new BlobTooLarge();
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
            out.flush();
            channel.force(true);
        }
        return size;
    }

    /** Hashes a file in one read pass and forces it to disk: the bytes are read once, never copied. */
    private static long hashInPlace(Path partial, MessageDigest digest, long maxBytes) throws IOException, BlobTooLarge {
        try (FileChannel channel = FileChannel.open(partial, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            if (size > maxBytes) {
                throw new BlobTooLarge();
            }
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                digest.update(buffer);
                buffer.clear();
            }
            channel.force(true);
            return size;
        }
    }

    /**
     * Renames the verified bytes onto their hash, also over a file already there: identical bytes change nothing for
     * its readers, and a stored copy damaged since (bit rot, tampering) is healed by the fresh one.
     */
    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            // A platform that cannot rename over a file: the copy in place stays, checked again before each use.
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
