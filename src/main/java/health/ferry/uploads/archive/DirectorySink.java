package health.ferry.uploads.archive;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;

/** An {@link EntrySink} writing each entry as one file named by its key into a scratch directory. */
public final class DirectorySink implements EntrySink {
    private static final Pattern KEY = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    private final Path directory;

    public DirectorySink(Path directory) throws IOException {
        this.directory = Files.createDirectories(directory);
    }

    /** The file holding the entry stored under {@code key}. */
    public Path pathOf(String key) {
        if (!KEY.matcher(key).matches()) {
            throw new IllegalArgumentException("not a storage key");
        }
        return directory.resolve(key);
    }

    @Override
    public void store(String key, InputStream content) throws IOException {
        Path target = pathOf(key);
        Path partial = directory.resolve(key + ".part");
        try {
            Files.copy(content, partial);
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public void discard(String key) throws IOException {
        Files.deleteIfExists(pathOf(key));
        Files.deleteIfExists(directory.resolve(key + ".part"));
    }
}
