package health.ferry.connections.spi;

import java.net.URI;

/** Where a connection's FHIR API is, which patient it may read, and the token to send. No toString of the token. */
public record FhirAccess(URI fhirBase, String patientId, String accessToken) {
    @Override
    public String toString() {
        return "FhirAccess[" + fhirBase + "]";
    }
}
