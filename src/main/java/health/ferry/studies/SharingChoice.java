package health.ferry.studies;

import health.ferry.outcome.OutcomeException;
import health.ferry.records.RecordCategory;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** A participant's choice of categories to share with a study: only categories the study requests. */
final class SharingChoice {
    static final String FIELD = "sharedCategories";

    private SharingChoice() {
    }

    /** At enrolment: null is every category the study requests; otherwise at least one, each requested. */
    static Set<RecordCategory> of(Study study, List<String> codes) {
        if (codes == null) {
            return Set.copyOf(study.requestedCategories());
        }
        Set<RecordCategory> chosen = ofChange(study, codes);
        if (chosen.isEmpty()) {
            throw OutcomeException.invalid(FIELD, "Choose at least one kind of record to share with the study.");
        }
        return chosen;
    }

    /** A later change: any subset of what the study requests, none included (nothing more flows). */
    static Set<RecordCategory> ofChange(Study study, List<String> codes) {
        Set<RecordCategory> chosen = EnumSet.noneOf(RecordCategory.class);
        for (String code : codes) {
            RecordCategory c = RecordCategory.fromCode(code).orElseThrow(() -> OutcomeException.invalid(FIELD,
                    "Not a record category: " + code + "."));
            if (!study.requestedCategories().contains(c)) {
                throw OutcomeException.invalid(FIELD, "This study does not ask for " + c.code()
                        + "; share only what it requests: " + String.join(", ", study.requestedCategories().stream()
                                .map(RecordCategory::code).toList()) + ".");
            }
            chosen.add(c);
        }
        return Set.copyOf(chosen);
    }
}
