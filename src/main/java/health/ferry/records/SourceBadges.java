package health.ferry.records;

import io.quarkus.qute.i18n.MessageBundles;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the source badge of each record on a page says (records/source.html): the portal's name or the upload, from
 * {@link RecordSource} as it is today. One record, one current source; a record with several sources would list them
 * here.
 */
public final class SourceBadges {
    private final Map<RecordSource, String> names;

    private SourceBadges(Map<RecordSource, String> names) {
        this.names = names;
    }

    /** Looks up the names of every source of these groups' records, one query per kind. */
    static SourceBadges of(UUID personId, Collection<SourceNames> namers, List<CategoryGroup> groups) {
        Map<String, List<UUID>> byKind = new HashMap<>();
        for (CategoryGroup g : groups) {
            for (RecordView r : g.records()) {
                if (r.source() != null && r.source().id() != null) {
                    byKind.computeIfAbsent(r.source().kind(), k -> new ArrayList<>()).add(r.source().id());
                }
            }
        }
        Map<RecordSource, String> names = new HashMap<>();
        for (SourceNames namer : namers) {
            List<UUID> ids = byKind.get(namer.kind());
            if (ids != null) {
                namer.names(personId, ids).forEach((id, name) -> names.put(new RecordSource(namer.kind(), id), name));
            }
        }
        return new SourceBadges(names);
    }

    /** "From Sandbox General Hospital", "From your upload of 7 Dec 2026", or the kind alone when unknown. */
    public String label(RecordSource source) {
        RecordMessages m = MessageBundles.get(RecordMessages.class);
        String name = source == null ? null : names.get(source);
        boolean upload = source != null && "upload".equals(source.kind());
        if (name == null) {
            return upload ? m.source_upload_unknown() : m.source_portal_unknown();
        }
        return upload ? m.source_upload(name) : m.source_portal(name);
    }
}
