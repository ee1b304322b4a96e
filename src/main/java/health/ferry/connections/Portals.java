package health.ferry.connections;

import health.ferry.accounts.CurrentAccount;
import health.ferry.connections.spi.PortalMethod;
import health.ferry.directory.PortalConnection;
import health.ferry.directory.PortalDirectory;
import health.ferry.outcome.OutcomeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The directory's facts a connection needs, and where a credential portal's sign-in service is. Credential
 * platforms are definition data ({@code ferry.connections.credential-platforms.<portal host>=<sign-in API>}), not
 * code: one generic connector serves them all.
 */
@ApplicationScoped
class Portals {
    @Inject
    PortalDirectory directory;
    @Inject
    CredentialPlatforms platforms;

    /**
     * The portal with this id from a request, or null when there is none or it is another participant's undecided
     * request (callers answer a clear error).
     */
    PortalConnection require(String portalId) {
        UUID id = CurrentAccount.parse(portalId);
        return id == null ? null : directory.visibleConnection(id).orElse(null);
    }

    PortalConnection get(UUID portalId) {
        return directory.connection(portalId).orElseThrow(OutcomeException::notFound);
    }

    static String website(PortalConnection portal) {
        return portal.websites().isEmpty() ? null : portal.websites().get(0);
    }

    /**
     * The portal as a connector sees it: this connection method, the first FHIR address in the directory and the
     * sign-in service of a credential platform (either null when there is none).
     */
    PortalMethod method(String connectionMethod, PortalConnection portal) {
        URI base = portal.endpoints().stream().filter(e -> e.address() != null).findFirst()
                .map(e -> URI.create(e.address())).orElse(null);
        return new PortalMethod(connectionMethod, base, platformApi(portal));
    }

    private URI platformApi(PortalConnection portal) {
        Map<String, String> apis = platforms.credentialPlatforms();
        for (String site : portal.websites()) {
            String host = host(site);
            if (host != null && apis.containsKey(host)) {
                return URI.create(apis.get(host));
            }
        }
        return null;
    }

    private static String host(String site) {
        try {
            URI u = URI.create(site.contains("://") ? site : "https://" + site);
            return u.getHost() == null ? null : u.getHost().toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
