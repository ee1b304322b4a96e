package health.ferry.directory;

import java.util.List;
import java.util.UUID;

/** What connecting to a portal needs: how (SMART or credentials), whether it is supported, and its FHIR servers. */
public record PortalConnection(UUID portalId, String name, String supportStatus, String connectionMethod,
        List<String> websites, List<Endpoint> endpoints) {

    /** One FHIR server of the portal, with its SMART URLs when a list published them (else discover them). */
    public record Endpoint(UUID id, String address, String ehrVendor, String fhirVersion, String status,
            String authorizeUrl, String tokenUrl) {
    }
}
