package health.ferry.directory;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Directory entries for tests of other packages: a SMART portal whose FHIR base is a test's own server. */
public final class TestPortals {
    private TestPortals() {
    }

    /** Writes a SMART portal with this FHIR base (as an import would) and answers its id. */
    public static String smart(String name, String fhirBase) {
        return smart(name, fhirBase, null);
    }

    /** As {@link #smart(String, String)}, its endpoint of this EHR vendor (a brand, for client registrations). */
    public static String smart(String name, String fhirBase, String ehrVendor) {
        String key = "test-smart-" + UUID.randomUUID();
        ImportBatch batch = new ImportBatch();
        batch.endpoint(new ImportBatch.EndpointDraft(FhirEndpoint.keyOf(fhirBase), fhirBase, name, ehrVendor, "4.0.1",
                "active", null, null, Set.of()));
        batch.portal(new ImportBatch.PortalDraft(key, name, List.of(), null, true,
                Set.of(FhirEndpoint.keyOf(fhirBase)), Set.of(), ConnectionMethod.SMART));
        Arc.container().instance(DirectoryWriter.class).get().write("test", batch);
        PortalRepository portals = Arc.container().instance(PortalRepository.class).get();
        return QuarkusTransaction.requiringNew().call(() -> portals.findBySourceKey(key).orElseThrow().id.toString());
    }
}
