package health.ferry.records;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Records participants accepted and share with a study ({@link Shared}), read for the study's export page by page
 * (never all at once), and when they were received (for the study's dashboard). Nothing else of a person's records
 * is read for a study.
 */
@ApplicationScoped
public class AcceptedRecords {
    static final int PAGE = 200;

    @Inject
    RecordRepository records;
    @Inject
    RecordSources sources;

    /** The FHIR resource types among the records these people share with the study, sorted. */
    public List<String> resourceTypes(Map<UUID, Shared> people) {
        TreeSet<String> types = new TreeSet<>();
        people.forEach((person, shared) -> types.addAll(records.sharedTypes(person, shared)));
        return List.copyOf(types);
    }

    /** Hands each record one person shares with the study, of one resource type (its JSON as received), to sink. */
    public void forEach(UUID personId, Shared shared, String resourceType, Consumer<String> sink) {
        for (int page = 0;; page++) {
            List<StoredRecord> batch = records.sharedPage(personId, shared, resourceType, page, PAGE);
            batch.forEach(r -> sink.accept(r.resource));
            records.getEntityManager().clear();
            if (batch.size() < PAGE) {
                return;
            }
        }
    }

    /** One shared record with its provenance: its key, when it was received, and its sources the study may see. */
    public record SharedRecord(String resourceType, String resourceId, Instant received,
            List<RecordSources.Source> sources) {
    }

    /**
     * Hands each record one person shares with the study, of one resource type, with its sources to sink: of its
     * sources (its own and those merged into it) only portals and uploads made for this study, never another
     * study's upload.
     */
    public void forEachWithSources(UUID personId, Shared shared, String resourceType, Consumer<SharedRecord> sink) {
        for (int page = 0;; page++) {
            List<StoredRecord> batch = records.sharedPage(personId, shared, resourceType, page, PAGE);
            Map<UUID, List<RecordSources.Source>> all = sources.of(batch.stream().map(r -> r.id).toList());
            for (StoredRecord r : batch) {
                sink.accept(new SharedRecord(r.resourceType, r.resourceId, r.fetchedAt,
                        all.getOrDefault(r.id, List.of()).stream()
                                .filter(s -> s.isConnection() || shared.uploads().contains(s.id())).toList()));
            }
            records.getEntityManager().clear();
            if (batch.size() < PAGE) {
                return;
            }
        }
    }

    /** How many records one person shares with the study, by category code (the Patient under demographics). */
    public Map<String, Long> countByCategory(UUID personId, Shared shared) {
        return records.sharedCountByCategory(personId, shared);
    }

    /**
     * When each record these people share with the study, received at or after {@code since}, was received, by
     * person (a dashboard's week names the people whose records arrived in it).
     */
    public Map<UUID, List<Instant>> receivedSince(Map<UUID, Shared> people, Instant since) {
        Map<UUID, List<Instant>> received = new java.util.LinkedHashMap<>();
        people.forEach((person, shared) -> received.put(person, records.sharedReceivedSince(person, shared, since)));
        return received;
    }
}
