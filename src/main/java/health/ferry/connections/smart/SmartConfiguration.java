package health.ferry.connections.smart;

import health.ferry.connections.spi.PortalHttp;
import health.ferry.connections.spi.PortalUnavailable;
import java.net.URI;

/** A portal's SMART endpoints from its .well-known/smart-configuration; both must be https or on the same host. */
record SmartConfiguration(URI authorize, URI token) {
    static SmartConfiguration of(URI fhirBase, PortalHttp.Answer answer) {
        if (answer.status() != 200) {
            throw new PortalUnavailable("smart-configuration answered " + answer.status(), null);
        }
        URI authorize = uri(answer.body().path("authorization_endpoint").asText(null), fhirBase);
        URI token = uri(answer.body().path("token_endpoint").asText(null), fhirBase);
        if (authorize == null || token == null) {
            throw new PortalUnavailable("smart-configuration without endpoints", null);
        }
        return new SmartConfiguration(authorize, token);
    }

    /** Only absolute http(s) endpoints; plain http only on the FHIR base's own host (local sandboxes). */
    private static URI uri(String value, URI fhirBase) {
        if (value == null) {
            return null;
        }
        try {
            URI u = URI.create(value);
            boolean https = "https".equals(u.getScheme());
            boolean sameHost = "http".equals(u.getScheme()) && u.getHost() != null
                    && u.getHost().equalsIgnoreCase(fhirBase.getHost());
            return u.getHost() != null && (https || sameHost) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
