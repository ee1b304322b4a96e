package health.ferry.records;

import java.util.Locale;
import java.util.Optional;

/** The record categories of the API contract: what a study requests and what a participant chooses to import. */
public enum RecordCategory {
    CONDITIONS, MEDICATIONS, ALLERGIES, IMMUNIZATIONS, LAB_RESULTS, VITAL_SIGNS, PROCEDURES, VISITS, DOCUMENTS, OTHER;

    /** The snake_case wire value. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The name participants read, in plain words (from the records' message bundle). */
    public String label() {
        return CategoryGroup.label(this);
    }

    public static Optional<RecordCategory> fromCode(String code) {
        if (code == null) {
            return Optional.empty();
        }
        for (RecordCategory c : values()) {
            if (c.code().equals(code.trim())) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
