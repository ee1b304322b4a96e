package health.ferry.connections.spi;

import java.net.URI;

/**
 * What a connector needs to know of one portal: its connection method ({@code smart}, {@code credentials}), its FHIR
 * base (null when the directory has none yet) and, for a credential portal, its sign-in service (null when unknown).
 */
public record PortalMethod(String connectionMethod, URI fhirBase, URI signInApi) {
    public static final String SMART = "smart";
    public static final String CREDENTIALS = "credentials";
}
