package health.ferry.records;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.OutcomeException;
import io.vertx.core.buffer.Buffer;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** A person's review of stored records: the pending and accepted lists, decisions, and the export bundle. */
@ApplicationScoped
public class RecordReview {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 500;

    @Inject
    RecordRepository records;
    @Inject
    RecordRows rows;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    CurrentAccount current;
    @Inject
    Event<RecordsDecided> decided;
    @Inject
    RecordSources sources;

    /** The result of one set of decisions: how many records changed state. */
    public record Decided(int accepted, int deleted) {
    }

    /** Records of the person in that state (pending or accepted), optionally of one category. */
    @Transactional
    public List<RecordView> list(UUID personId, String state, String category) {
        RecordState s = listable(state);
        String c = category(category);
        return records.findByPersonAndState(personId, s.code()).stream()
                .filter(r -> c == null || r.category.equals(c))
                .map(StoredRecord::view).toList();
    }

    private static RecordState listable(String state) {
        return RecordState.fromCode(state == null ? "pending" : state)
                .filter(x -> x == RecordState.PENDING || x == RecordState.ACCEPTED)
                .orElseThrow(() -> OutcomeException.invalid("state", "pending or accepted"));
    }

    /** A category code, or null for none; unknown codes are rejected. */
    private static String category(String category) {
        if (category == null || category.isBlank()) {
            return null;
        }
        return RecordCategory.fromCode(category.trim()).map(RecordCategory::code)
                .orElseThrow(() -> OutcomeException.invalid("category", "unknown category"));
    }

    /**
     * The JSON API's list of the person's records in that state (pending by default), optionally of one category:
     * with neither {@code page} nor {@code size}, every record (the contract's plain {@code GET}); otherwise one page,
     * {@code page} counting from 0, {@code size} defaulting to {@value #DEFAULT_SIZE} and capped at
     * {@value #MAX_SIZE}. Written as JSON straight from the rows ({@link RecordRows}).
     */
    @Transactional
    public Buffer listJson(UUID personId, String state, String category, Integer page, Integer size) {
        RecordState s = listable(state);
        String c = category(category);
        if (page != null && page < 0) {
            throw OutcomeException.invalid("page", "Pages count from 0.");
        }
        if (size != null && size < 1) {
            throw OutcomeException.invalid("size", "Use at least 1.");
        }
        if (page == null && size == null) {
            return rows.json(personId, s.code(), c, 0, null, null);
        }
        int n = size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        return rows.json(personId, s.code(), c, (long) (page == null ? 0 : page) * n, n,
                records.count(personId, s.code(), c));
    }

    /** Page {@code page} (from 0) of {@code size} of the person's records in that state and category, for the pages. */
    @Transactional
    public List<RecordView> views(UUID personId, String state, String category, int page, int size) {
        return rows.views(personId, listable(state).code(), category(category), (long) page * size, size);
    }

    /** Where each of these records came from, in plain words (for the pages). */
    @Transactional
    public Map<UUID, List<String>> sources(List<RecordView> views) {
        return sources.labels(views.stream().map(RecordView::id).toList());
    }

    /** How many records of the person in that state each category holds (categories without any are left out). */
    @Transactional
    public Map<String, Long> counts(UUID personId, String state) {
        return records.countByCategory(personId, listable(state).code());
    }

    /**
     * Accepts ({@code accept}) or deletes pending records: every pending record of the whole {@code categories}
     * (shown on the page or not) except those in {@code except}, and the single {@code records}.
     */
    @Transactional
    public Decided decidePending(UUID personId, boolean accept, List<String> categories, List<String> records,
            List<String> except) {
        List<String> chosen = chosen(personId, categories, records, except).stream().map(UUID::toString).toList();
        return accept ? apply(personId, chosen, List.of()) : apply(personId, List.of(), chosen);
    }

    /** How many pending records {@link #decidePending} would decide for this selection, deciding nothing. */
    @Transactional
    public long countPending(UUID personId, List<String> categories, List<String> records, List<String> except) {
        return this.records.findByPersonAndIds(personId, chosen(personId, categories, records, except)).stream()
                .filter(r -> RecordState.PENDING.code().equals(r.state)).count();
    }

    /** The ticked records and every pending record of the ticked categories, less those shown and unticked. */
    private Set<UUID> chosen(UUID personId, List<String> categories, List<String> records, List<String> except) {
        Set<UUID> ids = new LinkedHashSet<>(ids("record", records));
        List<String> codes = new ArrayList<>();
        for (String code : categories == null ? List.<String>of() : categories) {
            codes.add(category(code));
        }
        Set<UUID> excluded = new HashSet<>(ids("record", except));
        for (StoredRecord r : this.records.findByPersonStateAndCategories(personId, RecordState.PENDING.code(),
                codes)) {
            if (!excluded.contains(r.id)) {
                ids.add(r.id);
            }
        }
        return ids;
    }

    /** Accepts pending records and deletes pending or accepted ones; ids of other people are not touched. */
    @Transactional
    public Decided decide(UUID personId, List<String> accept, List<String> delete) {
        within("accept", accept);
        within("delete", delete);
        return apply(personId, accept, delete);
    }

    /** Decides without the per-request cap: a ticked category on the page may hold any number of records. */
    private Decided apply(UUID personId, List<String> accept, List<String> delete) {
        int accepted = 0;
        for (StoredRecord r : records.findByPersonAndIds(personId, ids("accept", accept))) {
            if (RecordState.PENDING.code().equals(r.state)) {
                r.decide(RecordState.ACCEPTED);
                accepted++;
            }
        }
        int deleted = 0;
        for (StoredRecord r : records.findByPersonAndIds(personId, ids("delete", delete))) {
            if (RecordState.PENDING.code().equals(r.state) || RecordState.ACCEPTED.code().equals(r.state)) {
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

    /** A request names at most this many records in each list; larger decisions go a page at a time. */
    public static final int MAX_IDS = 10_000;

    private static void within(String field, List<String> ids) {
        if (ids != null && ids.size() > MAX_IDS) {
            throw OutcomeException.invalid(field, "At most " + MAX_IDS + " record ids in one request.");
        }
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
