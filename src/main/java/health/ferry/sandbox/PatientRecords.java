package health.ferry.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

/**
 * One synthetic patient's chart: the Patient, the other resources by type (oldest first), and the contents of their
 * documents. Built once and never changed afterwards, so requests may read it concurrently.
 */
record PatientRecords(Patient patient, Map<String, List<Resource>> byType, Map<String, Binary> binaries) {
    List<Resource> ofType(String type) {
        return "Patient".equals(type) ? List.of(patient) : byType.getOrDefault(type, List.of());
    }

    Optional<Resource> find(String type, String id) {
        if ("Binary".equals(type)) {
            return Optional.ofNullable(binaries.get(id));
        }
        return ofType(type).stream().filter(r -> r.getIdPart().equals(id)).findFirst();
    }
}
