package health.ferry.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.OutcomeException;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** A person's review of stored records: the pending and accepted lists, decisions, and the export bundle. */
@ApplicationScoped
public class RecordReview {
    @Inject
    RecordRepository records;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    CurrentAccount current;
    @Inject
    Event<RecordsDecided> decided;

    /** The result of one set of decisions: how many records changed state. */
    public record Decided(int accepted, int deleted) {
    }

    /** Records of the person in that state (pending or accepted), optionally of one category. */
    @Transactional
    public List<RecordView> list(UUID personId, String state, String category) {
        RecordState s = RecordState.fromCode(state == null ? "pending" : state)
                .filter(x -> x != RecordState.DELETED)
                .orElseThrow(() -> OutcomeException.invalid("state", "pending or accepted"));
        if (category != null && !category.isBlank() && RecordCategory.fromCode(category).isEmpty()) {
            throw OutcomeException.invalid("category", "unknown category");
        }
        return records.findByPersonAndState(personId, s.code()).stream()
                .filter(r -> category == null || category.isBlank() || r.category.equals(category.trim()))
                .map(StoredRecord::view).toList();
    }

    /** Accepts pending records and deletes pending or accepted ones; ids of other people are not touched. */
    @Transactional
    public Decided decide(UUID personId, List<String> accept, List<String> delete) {
        int accepted = 0;
        for (StoredRecord r : records.findByPersonAndIds(personId, ids("accept", accept))) {
            if (RecordState.PENDING.code().equals(r.state)) {
                r.decide(RecordState.ACCEPTED);
                accepted++;
            }
        }
        int deleted = 0;
        for (StoredRecord r : records.findByPersonAndIds(personId, ids("delete", delete))) {
            if (!RecordState.DELETED.code().equals(r.state)) {
                r.decide(RecordState.DELETED);
                deleted++;
            }
        }
        if (accepted + deleted > 0) {
            decided.fire(new RecordsDecided(current.actor(), personId, accepted, deleted));
        }
        return new Decided(accepted, deleted);
    }

    /** A FHIR R4 collection Bundle of the person's accepted records, as JSON. */
    @Transactional
    public String export(UUID personId) {
        ObjectNode bundle = json.createObjectNode();
        bundle.put("resourceType", "Bundle");
        bundle.put("type", "collection");
        bundle.put("timestamp", clock.instant().toString());
        ArrayNode entries = bundle.putArray("entry");
        for (StoredRecord r : records.findByPersonAndState(personId, RecordState.ACCEPTED.code())) {
            try {
                entries.addObject().set("resource", json.readTree(r.resource));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("stored record " + r.id + " is not JSON", e);
            }
        }
        bundle.put("total", entries.size());
        return bundle.toString();
    }

    private static List<UUID> ids(String field, List<String> raw) {
        List<UUID> ids = new ArrayList<>();
        for (String s : raw == null ? List.<String>of() : raw) {
            try {
                ids.add(UUID.fromString(s == null ? "" : s.trim()));
            } catch (IllegalArgumentException e) {
                throw OutcomeException.invalid(field, "not a record id");
            }
        }
        return ids;
    }
}
