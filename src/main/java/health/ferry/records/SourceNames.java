package health.ferry.records;

import java.util.Collection;
import java.util.Map;
import java.util.UUID;

/**
 * Names the places records came from, for the badge beside each record: implemented by whoever keeps that kind of
 * source (connections name their portal, uploads their date), so records depend on neither.
 */
public interface SourceNames {
    /** The {@link RecordSource#kind()} this names. */
    String kind();

    /** Plain-language names of these sources of this person's records; ids it does not know are left out. */
    Map<UUID, String> names(UUID personId, Collection<UUID> ids);
}
