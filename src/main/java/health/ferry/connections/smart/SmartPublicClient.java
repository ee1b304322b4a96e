package health.ferry.connections.smart;

import health.ferry.connections.spi.PortalMethod;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * SMART App Launch as a public client: portals where Ferry has no confidential registration
 * ({@link ClientRegistrations}); Ferry names itself with its client id and proves the code with PKCE.
 */
@ApplicationScoped
public class SmartPublicClient extends SmartLaunch {
    @Override
    public boolean connects(PortalMethod portal) {
        return smart(portal) && (portal.fhirBase() == null
                || smart.registration(portal.fhirBase()).method() == AuthMethod.PUBLIC);
    }

    @Override
    ClientAuthentication authentication(PortalMethod portal) {
        return ClientAuthentication.PUBLIC;
    }
}
