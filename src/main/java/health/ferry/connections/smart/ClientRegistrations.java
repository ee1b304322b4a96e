package health.ferry.connections.smart;

import health.ferry.directory.PortalConnection;
import health.ferry.directory.PortalDirectory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which registration Ferry uses at a portal's token endpoint: the portal's own (the directory's client
 * registrations), else its brand's (the EHR vendor of its FHIR endpoint, e.g. every Epic portal), else
 * {@code ferry.smart.clients} for its FHIR base's host (kept for operators), else a public client with
 * {@code ferry.connections.smart.client-id}.
 */
@ApplicationScoped
public class ClientRegistrations {
    @Inject
    RegistrationRows rows;
    @Inject
    ClientSecrets secrets;
    @Inject
    SigningKeys keys;
    @Inject
    SmartClients clients;
    @Inject
    PortalDirectory directory;
    @ConfigProperty(name = "ferry.connections.smart.client-id", defaultValue = "ferry")
    String defaultClientId;

    /** Where a registration came from. */
    public enum Source { PORTAL, BRAND, CONFIGURATION, DEFAULT }

    /**
     * Ferry's client at one portal, resolved: its id, how it authenticates, and the secret (opened) or signing key
     * that needs. The secret never leaves Ferry but in the token request; toString leaves it out.
     */
    public record Client(String clientId, AuthMethod method, Source source, String secret, ClientAssertion signer) {
        @Override
        public String toString() {
            return "Client[" + clientId + ", " + method.code() + ", " + source + "]";
        }
    }

    /** The registration for a portal of this brand at this FHIR base, by precedence. */
    @Transactional
    public Client forPortal(UUID portalId, String brand, URI fhirBase) {
        Optional<ClientRegistration> own = portalId == null ? Optional.empty() : rows.findByPortal(portalId);
        if (own.isPresent()) {
            return resolve(own.get(), Source.PORTAL);
        }
        Optional<ClientRegistration> brands = brand == null ? Optional.empty() : rows.findByBrand(brand);
        return brands.map(r -> resolve(r, Source.BRAND)).orElseGet(() -> configured(fhirBase));
    }

    /**
     * The registration for this FHIR base when only the base is known (the SMART connector's calls): the portals the
     * directory lists at it (a portal's registration first, the most recently changed when several portals share
     * the server), then their brands, then configuration.
     */
    @Transactional
    public Client forBase(URI fhirBase) {
        List<PortalConnection> portals = directory.connectionsAt(fhirBase.toString());
        Optional<ClientRegistration> own = rows.findByPortals(portals.stream().map(PortalConnection::portalId)
                .toList()).stream().findFirst();
        if (own.isPresent()) {
            return resolve(own.get(), Source.PORTAL);
        }
        return portals.stream().map(p -> brandOf(p, fhirBase)).filter(Objects::nonNull).distinct()
                .map(rows::findByBrand).flatMap(Optional::stream).findFirst()
                .map(r -> resolve(r, Source.BRAND)).orElseGet(() -> configured(fhirBase));
    }

    /** A portal's brand at this base: the EHR vendor code of its endpoint there (else of its first endpoint). */
    static String brandOf(PortalConnection portal, URI fhirBase) {
        String key = key(fhirBase.toString());
        return portal.endpoints().stream().filter(e -> e.address() != null && key(e.address()).equals(key))
                .map(PortalConnection.Endpoint::ehrVendor).filter(Objects::nonNull).findFirst()
                .orElseGet(() -> portal.endpoints().stream().map(PortalConnection.Endpoint::ehrVendor)
                        .filter(Objects::nonNull).findFirst().orElse(null));
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT).replaceAll("/+$", "");
    }

    private Client resolve(ClientRegistration r, Source source) {
        return switch (r.method()) {
            case PUBLIC -> new Client(r.clientId, AuthMethod.PUBLIC, source, null, null);
            case CLIENT_SECRET_BASIC -> new Client(r.clientId, AuthMethod.CLIENT_SECRET_BASIC, source,
                    secrets.open(r.secretId), null);
            case PRIVATE_KEY_JWT -> new Client(r.clientId, AuthMethod.PRIVATE_KEY_JWT, source, null,
                    keys.signer(r.keyId));
        };
    }

    private Client configured(URI fhirBase) {
        Optional<SmartClients.Client> c = clients.forBase(fhirBase);
        if (c.isEmpty()) {
            return new Client(defaultClientId, AuthMethod.PUBLIC, Source.DEFAULT, null, null);
        }
        String id = c.get().clientId().orElse(defaultClientId);
        if (c.get().secret().isPresent()) {
            return new Client(id, AuthMethod.CLIENT_SECRET_BASIC, Source.CONFIGURATION, c.get().secret().get(), null);
        }
        if (c.get().jwtKeyFile().isPresent()) {
            return new Client(id, AuthMethod.PRIVATE_KEY_JWT, Source.CONFIGURATION, null,
                    keys.configured(c.get().jwtKeyFile().get(), c.get().jwtKeyId().orElse(null)));
        }
        return new Client(id, AuthMethod.PUBLIC, Source.CONFIGURATION, null, null);
    }
}
