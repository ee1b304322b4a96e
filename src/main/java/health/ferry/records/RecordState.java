package health.ferry.records;

import java.util.Locale;
import java.util.Optional;

/**
 * Where a stored record is in the participant's review: waiting, kept for studies, or refused; or merged: a copy of
 * a fact another source's record already holds (record_merge names that record), shown only as one of its sources.
 */
public enum RecordState {
    PENDING, ACCEPTED, DELETED, MERGED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Optional<RecordState> fromCode(String code) {
        for (RecordState s : values()) {
            if (s.code().equals(code)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
