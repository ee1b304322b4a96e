package health.ferry.uploads.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The local file system as the store: the upload folder itself holds the bytes for good, so publishing and
 * fetching have nothing to move. Several instances share it by mounting the same folder (NFS, a shared volume).
 */
public final class LocalBlobStore implements BlobStore {
    private final Path root;

    public LocalBlobStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    @Override
    public void publish(String key, Path local) {
        if (!local.toAbsolutePath().normalize().startsWith(root)) {
            throw new IllegalArgumentException("not a file of this store");
        }
    }

    @Override
    public boolean fetch(String key, Path target) {
        return false;
    }

    @Override
    public List<String> list(String prefix) throws IOException {
        Path folder = root.resolve(prefix).normalize();
        if (!folder.startsWith(root) || !Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile).map(f -> root.relativize(f).toString().replace('\\', '/'))
                    .sorted().toList();
        }
    }

    @Override
    public Optional<Instant> modified(String key) throws IOException {
        Optional<Path> path = within(key);
        if (path.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Files.getLastModifiedTime(path.get()).toInstant());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public boolean copy(String from, String to) throws IOException {
        Path source = within(from).orElseThrow(() -> new IllegalArgumentException("not a storage path"));
        Path target = within(to).orElseThrow(() -> new IllegalArgumentException("not a storage path"));
        try {
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The file behind {@code key}; empty for a key that would leave the store (or name its root). */
    private Optional<Path> within(String key) {
        Path path = root.resolve(key).normalize();
        return path.startsWith(root) && !path.equals(root) ? Optional.of(path) : Optional.empty();
    }

    @Override
    public void delete(String key) throws IOException {
        Optional<Path> path = within(key);
        if (path.isPresent()) {
            Files.deleteIfExists(path.get());
        }
    }

    @Override
    public void check() throws IOException {
        Path probe = root.resolve("tmp").resolve("health-" + UUID.randomUUID() + ".probe");
        try {
            Files.writeString(probe, "ok");
            if (!"ok".equals(Files.readString(probe))) {
                throw new IOException("upload folder returned other bytes than written");
            }
        } finally {
            Files.deleteIfExists(probe);
        }
    }

    @Override
    public boolean local() {
        return true;
    }

    @Override
    public String describe() {
        return "file system " + root;
    }
}
