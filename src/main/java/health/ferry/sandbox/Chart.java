package health.ferry.sandbox;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import health.ferry.sandbox.SandboxAccounts.Profile;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TimeZone;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;

/**
 * A chart being written by {@link RecordGenerator}: gives each resource its id, version and last-updated time (a
 * little after the event, as when a clinician signs a note) and files it by type.
 */
final class Chart {
    /** The synthetic history spans five calendar years, fixed so the records are the same on every run. */
    static final LocalDate FIRST_DAY = LocalDate.of(2021, 1, 4);
    static final LocalDate LAST_DAY = LocalDate.of(2025, 12, 19);

    private static final TimeZone UTC = TimeZone.getTimeZone("UTC");

    private final Profile profile;
    private final Random random;
    private final Map<String, List<Resource>> byType = new LinkedHashMap<>();
    private final Map<String, Binary> binaries = new LinkedHashMap<>();
    private int sequence;

    Chart(Profile profile, Random random) {
        this.profile = profile;
        this.random = random;
    }

    Random random() {
        return random;
    }

    Profile profile() {
        return profile;
    }

    Reference patient() {
        return new Reference("Patient/" + profile.id()).setDisplay(profile.name());
    }

    /** A dateTime to the second, in UTC. */
    static DateTimeType dateTime(Instant instant) {
        return new DateTimeType(Date.from(instant), TemporalPrecisionEnum.SECOND, UTC);
    }

    static Reference reference(Resource resource) {
        return new Reference(resource.fhirType() + "/" + resource.getIdPart());
    }

    /** Files a resource that happened at {@code when}. */
    <T extends Resource> T add(T resource, Instant when) {
        stamp(resource, when);
        byType.computeIfAbsent(resource.fhirType(), t -> new ArrayList<>()).add(resource);
        return resource;
    }

    Binary addBinary(Binary binary, Instant when) {
        stamp(binary, when);
        binaries.put(binary.getIdPart(), binary);
        return binary;
    }

    PatientRecords records(Patient patient) {
        stamp(patient, FIRST_DAY.atStartOfDay().toInstant(ZoneOffset.UTC));
        patient.setId(profile.id());
        byType.values().forEach(list -> list.sort((a, b) -> a.getMeta().getLastUpdated()
                .compareTo(b.getMeta().getLastUpdated())));
        return new PatientRecords(patient, Map.copyOf(byType), Map.copyOf(binaries));
    }

    private void stamp(Resource resource, Instant when) {
        String type = resource.fhirType().toLowerCase();
        resource.setId(profile.id() + "-" + type + "-" + (++sequence));
        Instant updated = when.plus(Duration.ofMinutes(30 + random.nextInt(72 * 60)));
        boolean amended = random.nextInt(8) == 0;
        if (amended) {
            updated = updated.plus(Duration.ofDays(1 + random.nextInt(5)));
        }
        resource.getMeta().setVersionId(amended ? "2" : "1")
                .setLastUpdatedElement(new InstantType(Date.from(updated), TemporalPrecisionEnum.SECOND, UTC));
    }
}
