package health.ferry.uploads;

import static org.junit.jupiter.api.Assertions.assertFalse;

import health.ferry.uploads.archive.ArchiveLimits;
import health.ferry.uploads.archive.ArchiveUnpacker;
import health.ferry.uploads.archive.DirectorySink;
import health.ferry.uploads.archive.UnpackResult;
import health.ferry.uploads.archive.UnpackedEntry;
import health.ferry.uploads.classification.DocumentFacts;
import health.ferry.uploads.detection.DocumentExtractor;
import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.ExtractionSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The engine end to end, as the upload job will chain it: unpack, extract in the worker, then classify. */
public final class EnginePipeline implements AutoCloseable {
    private static EnginePipeline shared;

    private final DocumentExtractor extractor = new DocumentExtractor(ExtractionSettings.defaults());

    /** One pipeline (one worker JVM) for all test classes of a run; the worker ends with the test JVM. */
    public static synchronized EnginePipeline shared() {
        if (shared == null) {
            shared = new EnginePipeline();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close));
        }
        return shared;
    }

    /** Facts for one file, its type and text from the worker. */
    public DocumentFacts facts(String name, Path file) throws IOException {
        Extraction extraction = extractor.extract(file);
        return new DocumentFacts(name, Files.size(file), extraction.mediaType(), extraction.outcome(),
                extraction.text(), extraction.pages(), file);
    }

    /** Unpacks {@code zip} (which must be accepted) into {@code scratch} and extracts every entry. */
    public List<DocumentFacts> unpack(Path zip, Path scratch) throws IOException {
        DirectorySink sink = new DirectorySink(scratch);
        UnpackResult result = ArchiveUnpacker.unpack(zip, ArchiveLimits.defaults(), sink);
        assertFalse(result.rejected(), () -> "rejected: " + result.rejection());
        List<DocumentFacts> facts = new ArrayList<>();
        for (UnpackedEntry entry : result.entries()) {
            facts.add(facts(entry.name(), sink.pathOf(entry.storageKey())));
        }
        return facts;
    }

    @Override
    public void close() {
        extractor.close();
    }
}
