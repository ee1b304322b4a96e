package health.ferry.uploads;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The shared test corpus beside the project ({@code ../shared/corpus}, or {@code -Dferry.corpus=…}). Tests read it in
 * place and skip, with a message, where it is absent; its files are never copied into the project.
 */
public final class Corpus {
    /** One manifest row: the file (relative to the corpus root) and its expected label. */
    public record Item(String file, String label, String notes) {
    }

    private Corpus() {
    }

    public static Path root() {
        Path root = Path.of(System.getProperty("ferry.corpus", "../shared/corpus")).toAbsolutePath().normalize();
        assumeTrue(Files.isRegularFile(root.resolve("manifest.json")),
                "shared corpus not found at " + root + "; corpus tests skipped");
        return root;
    }

    public static Path file(String relative) {
        Path file = root().resolve(relative);
        assumeTrue(Files.isRegularFile(file), "corpus file missing: " + relative);
        return file;
    }

    public static List<Item> manifest() {
        try {
            JsonNode rows = new ObjectMapper().readTree(root().resolve("manifest.json").toFile());
            List<Item> items = new ArrayList<>();
            for (JsonNode row : rows) {
                items.add(new Item(row.path("file").asText(), row.path("label").asText(), row.path("notes").asText()));
            }
            return items;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
