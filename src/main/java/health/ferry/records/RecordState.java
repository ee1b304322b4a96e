package health.ferry.records;

import java.util.Locale;
import java.util.Optional;

/** Where a stored record is in the participant's review: waiting, kept for studies, or refused. */
public enum RecordState {
    PENDING, ACCEPTED, DELETED;

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
