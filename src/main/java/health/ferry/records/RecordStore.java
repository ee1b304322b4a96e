package health.ferry.records;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.outcome.OutcomeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * The public way in for importers: store one FHIR R4 resource for a person from a source, idempotently. The key is
 * (source, resource type, resource id): the same resource from two portals is two records.
 */
@ApplicationScoped
public class RecordStore {
    @Inject
    RecordRepository records;
    @Inject
    FhirContext fhir;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    RecordSettings settings;

    /** What an upsert did. */
    public enum Upsert {
        NEW, UPDATED, UNCHANGED
    }

    /** Stores a parsed resource (encoded once to JSON as HAPI read it). */
    @Transactional
    public Upsert upsert(UUID personId, RecordSource source, IBaseResource resource) {
        return upsert(personId, source, fhir.newJsonParser().encodeResourceToString(resource));
    }

    /** Stores a resource's JSON; a resource without type or id is a validation failure. */
    @Transactional
    public Upsert upsert(UUID personId, RecordSource source, String resourceJson) {
        return upsert(personId, source, tree(resourceJson), resourceJson);
    }

    private JsonNode tree(String resourceJson) {
        try {
            return json.readTree(resourceJson);
        } catch (JsonProcessingException e) {
            throw OutcomeException.invalid("resource", "not JSON");
        }
    }

    private Upsert upsert(UUID personId, RecordSource source, JsonNode r, String resourceJson) {
        if (r == null || !r.path("resourceType").isTextual() || !r.path("id").isTextual()) {
            throw OutcomeException.invalid("resource", "a FHIR resource needs resourceType and id");
        }
        RecordFacts facts = RecordReader.facts(r, resourceJson);
        Optional<StoredRecord> stored = records.findBySourceKey(source, facts.resourceType(), facts.resourceId());
        if (stored.isEmpty()) {
            records.persist(new StoredRecord(personId, source, facts, clock.instant()));
            return Upsert.NEW;
        }
        if (stored.get().sameAs(facts)) {
            return Upsert.UNCHANGED;
        }
        stored.get().take(facts, clock.instant());
        return Upsert.UPDATED;
    }

    /** Deletes (marks deleted) the person's pending records from one source, e.g. a disconnected portal. */
    @Transactional
    public int deletePending(UUID personId, RecordSource source) {
        int n = 0;
        for (StoredRecord r : records.findByPersonAndState(personId, RecordState.PENDING.code())) {
            if (r.from(source)) {
                r.decide(RecordState.DELETED);
                n++;
            }
        }
        return n;
    }

    /** Like {@link #upsert(UUID, RecordSource, String)} unless the person's settings turn its category off. */
    @Transactional
    public Optional<Upsert> importIfAllowed(UUID personId, RecordSource source, IBaseResource resource) {
        return importAllIfAllowed(personId, source, List.of(resource)).get(0);
    }

    /**
     * {@link #importIfAllowed} for a page of resources in one transaction, the person's settings read once: what
     * happened to each, in order (empty where its category is turned off). One transaction per resource made a
     * Synthea-sized import ~60× slower than parsing it (docs/benchmarks.md, benchmark 3).
     */
    @Transactional
    public List<Optional<Upsert>> importAllIfAllowed(UUID personId, RecordSource source,
            List<? extends IBaseResource> resources) {
        Set<RecordCategory> off = settings.disabled(personId);
        IParser parser = fhir.newJsonParser();
        List<Optional<Upsert>> done = new ArrayList<>(resources.size());
        for (IBaseResource resource : resources) {
            String encoded = parser.encodeResourceToString(resource);
            JsonNode tree = tree(encoded);
            done.add(off.contains(RecordReader.category(tree)) ? Optional.empty()
                    : Optional.of(upsert(personId, source, tree, encoded)));
        }
        return done;
    }
}
