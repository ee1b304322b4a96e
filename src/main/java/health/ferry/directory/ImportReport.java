package health.ferry.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * What an import did: records created, updated and unchanged (per kind and in total), entries skipped with
 * their reasons, or, when the file could not be read at all, {@code error} and nothing else.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportReport(String source, String error, int created, int updated, int unchanged, int skipped,
        Counts portals, Counts organisations, Counts endpoints, List<Problem> problems) {

    /** One entry of the list that was skipped or imported with a warning, and why. */
    public record Problem(String entry, String reason) {
    }

    /** Created, updated and unchanged records of one kind. */
    public record Counts(int created, int updated, int unchanged) {
        static final Counts NONE = new Counts(0, 0, 0);

        Counts plus(Counts other) {
            return new Counts(created + other.created, updated + other.updated, unchanged + other.unchanged);
        }
    }

    static ImportReport failed(String source, String error) {
        return new ImportReport(source, error, 0, 0, 0, 0, null, null, null, List.of());
    }

    static ImportReport of(String source, Counts portals, Counts organisations, Counts endpoints, int skipped,
            List<Problem> problems) {
        Counts all = portals.plus(organisations).plus(endpoints);
        return new ImportReport(source, null, all.created(), all.updated(), all.unchanged(), skipped, portals,
                organisations, endpoints, List.copyOf(problems));
    }

    /** True when the file could not be read at all. */
    public boolean failed() {
        return error != null;
    }
}
