package health.ferry.uploads.archive;

import health.ferry.uploads.archive.CentralDirectoryCheck.Directory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.jboss.logging.Logger;

/**
 * Unpacks an uploaded ZIP within {@link ArchiveLimits}, through one code path: Commons Compress {@code ZipFile}
 * with STORED and DEFLATED only, no format auto-detection. Every failure of the archive or of the library ends as a
 * {@link Rejection}; whatever was already stored is then discarded.
 */
public final class ArchiveUnpacker {
    private static final Logger LOG = Logger.getLogger(ArchiveUnpacker.class);

    private final ArchiveLimits limits;
    private final EntrySink sink;
    private final List<String> stored = new ArrayList<>();
    private final List<UnpackedEntry> entries = new ArrayList<>();
    private final List<SkippedEntry> skipped = new ArrayList<>();
    private long totalBytes;
    private long totalCompressed;

    private ArchiveUnpacker(ArchiveLimits limits, EntrySink sink) {
        this.limits = limits;
        this.sink = sink;
    }

    /**
     * Unpacks {@code zip} into {@code sink}.
     *
     * @return the stored and skipped entries, or a rejection (then nothing remains in the sink)
     * @throws IOException only when the upload cannot be read at all or the sink fails (storage, retryable)
     */
    public static UnpackResult unpack(Path zip, ArchiveLimits limits, EntrySink sink) throws IOException {
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(sink, "sink");
        if (!Files.isRegularFile(zip)) {
            throw new NoSuchFileException(zip.toString());
        }
        try (FileChannel channel = FileChannel.open(zip, StandardOpenOption.READ)) {
            return new ArchiveUnpacker(limits, sink).guarded(zip, channel);
        }
    }

    private UnpackResult guarded(Path zip, FileChannel channel) throws IOException {
        try {
            return unpackChecked(zip, channel);
        } catch (ArchiveRejected rejected) {
            return rejected(rejected.rejection());
        } catch (SinkFailure failure) {
            discardStored();
            throw failure.storageFailure;
        } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
            // Commons Compress reports many malformed inputs as runtime exceptions or errors (plan 3.1).
            LOG.debugf("archive unreadable: %s", e.getClass().getName());
            return rejected(new Rejection(RejectionCode.CORRUPT_ARCHIVE, RejectionCode.CORRUPT_ARCHIVE.message()));
        }
    }

    private UnpackResult unpackChecked(Path zip, FileChannel channel) throws IOException, ArchiveRejected,
            SinkFailure {
        Directory directory = CentralDirectoryCheck.check(channel, limits);
        try (ZipFile zipFile = ZipFile.builder().setPath(zip).setCharset(StandardCharsets.UTF_8)
                .setUseUnicodeExtraFields(true).setIgnoreLocalFileHeader(false).setMaxNumberOfDisks(1).get()) {
            List<ZipArchiveEntry> all = Collections.list(zipFile.getEntriesInPhysicalOrder());
            if (all.size() != directory.entries()) {
                throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE);
            }
            List<String> names = EntryRules.check(all, limits);
            EntryLayout.check(channel, all, directory);
            for (int index = 0; index < all.size(); index++) {
                copy(zipFile, all.get(index), names.get(index), index);
            }
        }
        if (entries.isEmpty()) {
            throw new ArchiveRejected(RejectionCode.EMPTY_ARCHIVE);
        }
        boolean unusual = totalBytes > limits.ratioCheckAfterBytes()
                && totalBytes / limits.maxCompressionRatio() > totalCompressed;
        return new UnpackResult(entries, skipped, null, unusual);
    }

    private void copy(ZipFile zipFile, ZipArchiveEntry entry, String name, int index) throws IOException,
            ArchiveRejected, SinkFailure {
        if (entry.isDirectory()) {
            return;
        }
        if (EntryNames.isSystemFile(name)) {
            skipped.add(new SkippedEntry(name, SkippedEntry.SYSTEM_FILE));
            return;
        }
        String key = UUID.randomUUID().toString();
        stored.add(key);
        BoundedEntryStream stream;
        try (InputStream source = zipFile.getInputStream(entry)) {
            stream = new BoundedEntryStream(source, limits, totalBytes, name);
            store(key, stream);
        }
        if (stream.count() != entry.getSize() || stream.crc() != entry.getCrc()) {
            throw new ArchiveRejected(RejectionCode.CORRUPT_ARCHIVE, EntryNames.sentence(name));
        }
        totalBytes += stream.count();
        totalCompressed += entry.getCompressedSize();
        keep(key, stream, name, index);
    }

    /** Lists the stored entry, or takes a zero-byte one back out and lists it as skipped. */
    private void keep(String key, BoundedEntryStream stream, String name, int index) throws SinkFailure {
        if (stream.count() > 0) {
            entries.add(new UnpackedEntry(index, name, key, stream.count(), stream.sha256(), stream.nestedArchive()));
            return;
        }
        try {
            sink.discard(key);
        } catch (IOException e) {
            throw new SinkFailure(e);
        }
        stored.remove(key);
        skipped.add(new SkippedEntry(name, SkippedEntry.EMPTY_FILE));
    }

    private void store(String key, BoundedEntryStream stream) throws ArchiveRejected, SinkFailure {
        try {
            sink.store(key, stream);
            stream.drain();
        } catch (IOException e) {
            try {
                stream.explain(e);
            } catch (IOException sinkFailure) {
                throw new SinkFailure(sinkFailure);
            }
        }
    }

    private UnpackResult rejected(Rejection rejection) {
        discardStored();
        return UnpackResult.rejected(rejection, skipped);
    }

    private void discardStored() {
        for (String key : stored) {
            try {
                sink.discard(key);
            } catch (IOException e) {
                LOG.warnf("could not discard stored entry %s: %s", key, e.getClass().getSimpleName());
            }
        }
        stored.clear();
        entries.clear();
    }

    /** The sink failed: a storage problem to retry, not something wrong with the archive. */
    private static final class SinkFailure extends Exception {
        private final transient IOException storageFailure;

        SinkFailure(IOException storageFailure) {
            super(storageFailure);
            this.storageFailure = storageFailure;
        }
    }
}
