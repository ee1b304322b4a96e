package health.ferry.connections.smart;

import health.ferry.connections.spi.PortalMethod;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * SMART App Launch as a confidential client: portals where Ferry's registration ({@code ferry.smart.clients}) has a
 * client secret ({@code client_secret_basic}) or a private key it signs assertions with ({@code private_key_jwt},
 * RS384 or ES384). Epic, for one, issues refresh tokens only to confidential clients.
 */
@ApplicationScoped
public class SmartConfidentialClient extends SmartLaunch {
    @Inject
    Clock clock;

    @Override
    public boolean connects(PortalMethod portal) {
        return smart(portal) && smart.registration(portal.fhirBase())
                .map(r -> r.secret().isPresent() || r.jwtKeyFile().isPresent()).orElse(false);
    }

    @Override
    ClientAuthentication authentication(PortalMethod portal) {
        SmartClients.Client registration = smart.registration(portal.fhirBase()).orElseThrow(
                () -> new IllegalStateException("no confidential registration for " + portal.fhirBase()));
        return registration.secret().map(ClientAuthentication::secretBasic)
                .orElseGet(() -> ClientAuthentication.privateKeyJwt(smart.signer(registration), clock));
    }
}
