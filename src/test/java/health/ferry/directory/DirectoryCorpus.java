package health.ferry.directory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where tests find the shared corpus (beside the project, as on CI) and the project's own fixtures. */
final class DirectoryCorpus {
    static final Path ROOT = Path.of(System.getProperty("ferry.corpus", "../shared/corpus"));
    static final Path ENDPOINT_DIRECTORIES = ROOT.resolve("05-endpoint-directories");

    private DirectoryCorpus() {
    }

    /** A corpus file; the calling test is skipped (not failed) where the corpus is absent. */
    static Path corpusFile(String relative) {
        assumeTrue(Files.isDirectory(ENDPOINT_DIRECTORIES),
                "Corpus folder " + ENDPOINT_DIRECTORIES.toAbsolutePath() + " is absent: skipping corpus test");
        Path file = ENDPOINT_DIRECTORIES.resolve(relative);
        assumeTrue(Files.isRegularFile(file), "Corpus file " + file + " is absent: skipping");
        return file;
    }

    static InputStream open(Path file) {
        try {
            return Files.newInputStream(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fixture under src/test/resources/directory/. */
    static InputStream fixture(String name) {
        InputStream in = DirectoryCorpus.class.getResourceAsStream("/directory/" + name);
        if (in == null) {
            throw new IllegalArgumentException("No fixture " + name);
        }
        return in;
    }
}
