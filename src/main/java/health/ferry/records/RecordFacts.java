package health.ferry.records;

import java.time.LocalDate;
import java.util.Objects;

/** What Ferry reads from one FHIR resource to store and show it. */
record RecordFacts(String resourceType, String resourceId, RecordCategory category, String display, LocalDate date,
        String versionId, String lastUpdated, String json) {

    /** Whether a stored copy is this one (same version and update time; same JSON when it has neither). */
    boolean sameAs(String storedVersionId, String storedLastUpdated, String storedJson) {
        if (versionId == null && lastUpdated == null) {
            return storedVersionId == null && storedLastUpdated == null && json.equals(storedJson);
        }
        return Objects.equals(storedVersionId, versionId) && Objects.equals(storedLastUpdated, lastUpdated);
    }
}
