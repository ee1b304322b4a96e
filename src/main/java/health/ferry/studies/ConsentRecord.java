package health.ferry.studies;

import health.ferry.records.RecordCategory;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/**
 * One consent event of a study's participant, for the study's export: {@code action} is {@code given},
 * {@code reconsented}, {@code sharing_changed} or {@code withdrawn}; {@code shared} what was shared from then on;
 * {@code latest} whether it is the enrolment's latest event (the one in force).
 */
public record ConsentRecord(UUID id, UUID enrolmentId, UUID personId, String pseudonym, String action,
        String consentVersion, Instant at, Set<RecordCategory> shared, boolean latest) {
    public boolean withdrawn() {
        return "withdrawn".equals(action);
    }
}
