package health.ferry.records;

import java.time.LocalDate;

/** What Ferry reads from one FHIR resource to store and show it. */
record RecordFacts(String resourceType, String resourceId, RecordCategory category, String display, LocalDate date,
        String versionId, String lastUpdated, String json) {
}
