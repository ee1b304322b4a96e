package health.ferry.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The sandbox patients' records, generated the first time each patient is asked for and kept in memory. */
@ApplicationScoped
class SyntheticRecords {
    private final Map<String, PatientRecords> charts = new ConcurrentHashMap<>();
    private final SandboxUrls urls;

    SyntheticRecords(SandboxUrls urls) {
        this.urls = urls;
    }

    Optional<PatientRecords> of(String patientId) {
        return SandboxAccounts.profile(patientId).map(profile -> charts.computeIfAbsent(profile.id(),
                id -> RecordGenerator.generate(profile, urls.fhirBase())));
    }
}
