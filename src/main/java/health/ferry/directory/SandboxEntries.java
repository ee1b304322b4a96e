package health.ferry.directory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The sandbox portal's two directory entries (dev, demo and tests; {@code ferry.sandbox.enabled}): Sandbox General
 * Hospital (credentials, Dr. Ana Rivera) and Sandbox Health System (SMART, its FHIR base on Ferry itself at
 * {@code /sandbox/fhir} under {@code ferry.sandbox.base-url}). Written like an import, so seeding is idempotent.
 */
@ApplicationScoped
class SandboxEntries {
    static final String GENERAL = "sandbox:general-hospital";
    static final String HEALTH_SYSTEM = "sandbox:health-system";
    static final String FHIR_PATH = "/sandbox/fhir";
    static final String DOCTOR = "Dr. Ana Rivera";

    @Inject
    DirectoryWriter writer;
    @Inject
    OrganisationRepository organisations;
    @Inject
    DoctorRepository doctors;
    @Inject
    Clock clock;
    @ConfigProperty(name = "ferry.sandbox.base-url", defaultValue = "http://localhost:${quarkus.http.port:8080}")
    String baseUrl;

    void seed() {
        writer.write("sandbox", batch(baseUrl));
        QuarkusTransaction.requiringNew().run(this::ensureDoctor);
    }

    static ImportBatch batch(String baseUrl) {
        String fhirBase = baseUrl.replaceAll("/+$", "") + FHIR_PATH;
        ImportBatch batch = new ImportBatch();
        batch.organisation(new ImportBatch.OrganisationDraft(GENERAL, "Sandbox General Hospital",
                OrganisationKind.HOSPITAL, "Springfield", null, List.of()));
        batch.organisation(new ImportBatch.OrganisationDraft(HEALTH_SYSTEM, "Sandbox Health System",
                OrganisationKind.HOSPITAL, null, null, List.of()));
        batch.endpoint(new ImportBatch.EndpointDraft(FhirEndpoint.keyOf(fhirBase), fhirBase, "Sandbox FHIR server",
                "sandbox", "4.0.1", "active", null, null, Set.of(HEALTH_SYSTEM)));
        WebsiteAddress website = WebsiteAddress.parse("https://mychart.sandbox-general.example").address();
        batch.portal(new ImportBatch.PortalDraft(GENERAL, "Sandbox General Hospital", List.of(website), "sandbox",
                true, Set.of(), Set.of(GENERAL), ConnectionMethod.CREDENTIALS));
        batch.portal(new ImportBatch.PortalDraft(HEALTH_SYSTEM, "Sandbox Health System", List.of(), "sandbox", true,
                Set.of(FhirEndpoint.keyOf(fhirBase)), Set.of(HEALTH_SYSTEM), ConnectionMethod.SMART));
        return batch;
    }

    private void ensureDoctor() {
        Organisation hospital = organisations.findBySourceKey(GENERAL).orElseThrow();
        if (doctors.findAt(hospital.id, NameTokens.key(DOCTOR)).isEmpty()) {
            doctors.persist(new Doctor(hospital.id, DOCTOR, clock.instant()));
        }
    }
}
