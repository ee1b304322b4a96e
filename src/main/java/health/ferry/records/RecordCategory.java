package health.ferry.records;

import java.util.Locale;
import java.util.Optional;

/** The record categories of the API contract: what a study requests and what a participant chooses to import. */
public enum RecordCategory {
    CONDITIONS, MEDICATIONS, ALLERGIES, IMMUNIZATIONS, LAB_RESULTS, VITAL_SIGNS, PROCEDURES, VISITS, DOCUMENTS,
    /** Coverage and ExplanationOfBenefit (issue 23): not in the contract's list, and off until a person turns it on. */
    INSURANCE_CLAIMS,
    /**
     * The person's Patient resource as a portal holds it (name, birth date, contact details; issue 23): a study
     * receives it (reduced to gender and birth year) only when it requests this category and the person shares it.
     */
    DEMOGRAPHICS,
    OTHER;

    /** What a person imports before they ever change their settings: everything but insurance and claims. */
    public static final java.util.Set<RecordCategory> OFF_BY_DEFAULT = java.util.Set.of(INSURANCE_CLAIMS);

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
