package health.ferry.studies;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The studies defined in the studies folder, loaded and validated at start; a bad file stops start-up. */
@Startup
@ApplicationScoped
public class StudyCatalog {
    @ConfigProperty(name = "ferry.studies.dir")
    Path dir;

    private Map<String, Study> studies = Map.of();

    @PostConstruct
    void load() {
        studies = loadFolder(dir);
    }

    /** Loads every {@code *.yaml}/{@code *.yml} file of a folder, in name order; ids must be unique. */
    static Map<String, Study> loadFolder(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new InvalidStudyFile(dir.toString(), null, "studies folder not found (ferry.studies.dir)");
        }
        Map<String, Study> loaded = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(StudyCatalog::isStudyFile).sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                Study study = loadFile(file);
                Study clash = loaded.putIfAbsent(study.id(), study);
                if (clash != null) {
                    throw new InvalidStudyFile(file.toString(), "id",
                            "'" + study.id() + "' is already used by " + clash.source());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read studies folder " + dir, e);
        }
        return Map.copyOf(loaded);
    }

    static Study loadFile(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return StudyFileParser.parse(file.toString(), in);
        } catch (IOException e) {
            throw new InvalidStudyFile(file.toString(), null, "cannot be read");
        }
    }

    private static boolean isStudyFile(Path p) {
        String name = p.getFileName().toString();
        return Files.isRegularFile(p) && (name.endsWith(".yaml") || name.endsWith(".yml"));
    }

    public List<Study> all() {
        return studies.values().stream().sorted(Comparator.comparing(Study::title)).toList();
    }

    public Optional<Study> find(String id) {
        return id == null ? Optional.empty() : Optional.ofNullable(studies.get(id));
    }

    public List<Study> coordinatedBy(String username) {
        return all().stream().filter(s -> s.isCoordinatedBy(username)).toList();
    }
}
