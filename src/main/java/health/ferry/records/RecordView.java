package health.ferry.records;

import java.time.LocalDate;
import java.util.UUID;

/** A stored record as the API and pages show it (no resource JSON). */
public record RecordView(UUID id, String category, String resourceType, String display, LocalDate date, String state,
        RecordSource source) {
}
