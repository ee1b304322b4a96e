package health.ferry.uploads;

import health.ferry.records.RecordSource;
import health.ferry.records.SourceNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/** A record from an upload is named by the day it was uploaded (Ferry keeps no file names of uploads). */
@ApplicationScoped
class UploadSourceNames implements SourceNames {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    @Inject
    UploadRepository uploads;

    @Override
    public String kind() {
        return RecordSource.upload(null).kind();
    }

    @Override
    @Transactional
    public Map<UUID, String> names(UUID personId, Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        uploads.list("personId = ?1 and id in ?2", personId, new HashSet<>(ids))
                .forEach(u -> names.put(u.id, DAY.format(u.receivedAt)));
        return names;
    }
}
