package health.ferry.uploads.archive;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A scratch folder with an upload file and a {@link DirectorySink}; asserts nothing is left behind on rejection. */
final class ArchiveFixture {
    final Path upload;
    final Path store;
    final DirectorySink sink;

    ArchiveFixture(Path dir) throws IOException {
        this.upload = dir.resolve("upload.zip");
        this.store = dir.resolve("store");
        this.sink = new DirectorySink(store);
    }

    UnpackResult unpack(byte[] bytes, ArchiveLimits limits) throws IOException {
        Files.write(upload, bytes);
        return ArchiveUnpacker.unpack(upload, limits, sink);
    }

    UnpackResult unpack(ZipBytes zip) throws IOException {
        return unpack(zip.build(), ArchiveLimits.defaults());
    }

    /** Asserts the rejection code, a participant message, and an empty store. */
    Rejection assertRejected(UnpackResult result, RejectionCode code) throws IOException {
        assertTrue(result.rejected(), () -> "expected " + code + " but accepted " + result.entries());
        assertEquals(code, result.rejection().code(), result.rejection().message());
        assertTrue(result.rejection().message().startsWith(code.message()));
        assertTrue(result.entries().isEmpty());
        assertStoreEmpty();
        return result.rejection();
    }

    void assertStoreEmpty() throws IOException {
        try (Stream<Path> files = Files.list(store)) {
            assertEquals(0, files.count(), "rejected archives leave nothing stored");
        }
    }

    void assertAccepted(UnpackResult result) {
        assertFalse(result.rejected(), () -> "rejected: " + result.rejection());
    }
}
