package health.ferry.uploads.storage;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where stored upload bytes are kept for good: the local file system ({@link LocalBlobStore}, the embedded default)
 * or S3-compatible object storage ({@link S3BlobStore}), chosen by {@code ferry.uploads.storage.backend}.
 * {@link UploadStorage} works on local copies under its folder (the extraction worker and the unpacker read files)
 * and asks the store to keep each finished file and to bring back one it lacks. Keys are storage paths such as
 * {@code originals/ab/<sha256>}; none is ever derived from a file name.
 */
public interface BlobStore {
    /** Keeps the finished local file {@code local} (the work copy of {@code key}) in the store. */
    void publish(String key, Path local) throws IOException;

    /**
     * Brings {@code key}'s bytes to {@code target} (a fresh temporary file); false when the store has no such blob.
     * The caller verifies the SHA-256 before using them.
     */
    boolean fetch(String key, Path target) throws IOException;

    /** The keys under {@code prefix} (e.g. {@code entries/<upload id>/}). */
    List<String> list(String prefix) throws IOException;

    /** When {@code key} was last written (published); empty when the store has no such blob. */
    Optional<Instant> modified(String key) throws IOException;

    /** Copies {@code from}'s bytes to {@code to} inside the store; false when the store has no {@code from}. */
    boolean copy(String from, String to) throws IOException;

    /** Removes {@code key}; nothing happens when it is absent. */
    void delete(String key) throws IOException;

    /** Fails when the store cannot be written and read now (readiness). */
    void check() throws IOException;

    /** True when the local folder is the store itself (nothing to publish or fetch). */
    boolean local();

    /** A short description for health output and logs: kind and location, never a credential. */
    String describe();
}
