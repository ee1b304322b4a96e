package health.ferry.records;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What of one person's accepted records one study may receive: records of these categories, received (fetched) in
 * one of these periods, from a portal connection or from one of these uploads (an upload belongs to the study it
 * was made for). The person's Patient resource is a record of category demographics like any other: it goes only where
 * that category is requested and shared.
 */
public record Shared(Set<RecordCategory> categories, List<Period> periods, Set<UUID> uploads) {
    public Shared {
        categories = Set.copyOf(categories);
        periods = List.copyOf(periods);
        uploads = Set.copyOf(uploads);
    }

    /** A period in which records flow: from (inclusive) to (exclusive; null while it lasts). */
    public record Period(Instant from, Instant to) {
        public boolean contains(Instant at) {
            return !at.isBefore(from) && (to == null || at.isBefore(to));
        }
    }

    /** The same sharing, with the uploads made for the study. */
    public Shared withUploads(Set<UUID> studyUploads) {
        return new Shared(categories, periods, studyUploads);
    }

    /** Nothing can flow: no category shared or no period. */
    public boolean isEmpty() {
        return categories.isEmpty() || periods.stream().noneMatch(p -> p.to() == null || p.from().isBefore(p.to()));
    }
}
