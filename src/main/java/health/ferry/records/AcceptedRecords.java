package health.ferry.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Records participants accepted for their studies, read for a study's export page by page (never all at once), and
 * how many records arrived in a period (for a study's dashboard).
 */
@ApplicationScoped
public class AcceptedRecords {
    static final int PAGE = 200;

    @Inject
    RecordRepository records;

    /** The FHIR resource types among these people's accepted records, sorted. */
    public List<String> resourceTypes(Collection<UUID> people) {
        return records.acceptedTypes(people);
    }

    /** Hands each accepted record of one person and resource type (its JSON as received) to {@code sink}. */
    public void forEach(UUID personId, String resourceType, Consumer<String> sink) {
        for (int page = 0;; page++) {
            List<StoredRecord> batch = records.acceptedPage(personId, resourceType, page, PAGE);
            batch.forEach(r -> sink.accept(r.resource));
            records.getEntityManager().clear();
            if (batch.size() < PAGE) {
                return;
            }
        }
    }

    /** Records of these people fetched in {@code [from, to)}. */
    public long fetchedBetween(Collection<UUID> people, Instant from, Instant to) {
        return records.countFetchedSince(people, from) - records.countFetchedSince(people, to);
    }
}
