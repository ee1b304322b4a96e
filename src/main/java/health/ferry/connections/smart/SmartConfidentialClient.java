package health.ferry.connections.smart;

import health.ferry.connections.spi.PortalMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * SMART App Launch as a confidential client: portals where Ferry's registration ({@link ClientRegistrations}: the portal's or its brand's, made by an admin, or {@code ferry.smart.clients}) has a
 * client secret ({@code client_secret_basic}) or a private key it signs assertions with ({@code private_key_jwt},
 * RS384 or ES384). Epic, for one, issues refresh tokens only to confidential clients.
 */
@ApplicationScoped
public class SmartConfidentialClient extends SmartLaunch {
    @Inject
    Clock clock;

    @Override
    public boolean connects(PortalMethod portal) {
        return smart(portal) && portal.fhirBase() != null
                && smart.registration(portal.fhirBase()).method() != AuthMethod.PUBLIC;
    }

    @Override
    ClientAuthentication authentication(PortalMethod portal) {
        ClientRegistrations.Client registration = smart.registration(portal.fhirBase());
        return switch (registration.method()) {
            case CLIENT_SECRET_BASIC -> ClientAuthentication.secretBasic(registration.secret());
            case PRIVATE_KEY_JWT -> ClientAuthentication.privateKeyJwt(registration.signer(), clock);
            case PUBLIC -> throw new IllegalStateException("no confidential registration for " + portal.fhirBase());
        };
    }
}
