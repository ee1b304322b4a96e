package health.ferry.connections.smart;

import com.fasterxml.jackson.databind.JsonNode;
import health.ferry.connections.spi.Authorization;
import health.ferry.connections.spi.ConnectorStep;
import health.ferry.connections.spi.FhirAccess;
import health.ferry.connections.spi.PortalConnector;
import health.ferry.connections.spi.PortalMethod;
import health.ferry.connections.spi.Profile;
import health.ferry.connections.spi.SignInOutcome;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import jakarta.inject.Inject;
import java.net.URI;
import java.util.Optional;

/**
 * What every SMART App Launch connector does alike, through the one SMART engine ({@link SmartConnector}:
 * discovery, PKCE, scopes, token answers): authorise at the portal, exchange the code, refresh, open a FHIR session
 * and read the granted patient. A subclass says which portals it connects and how Ferry's client authenticates.
 */
abstract class SmartLaunch implements PortalConnector {
    @Inject
    SmartConnector smart;

    /** How Ferry's client authenticates its token requests at this portal. */
    abstract ClientAuthentication authentication(PortalMethod portal);

    /** A SMART portal: its connection method is smart. */
    static boolean smart(PortalMethod portal) {
        return PortalMethod.SMART.equals(portal.connectionMethod());
    }

    @Override
    public boolean authorizesAtPortal() {
        return true;
    }

    @Override
    public Authorization authorize(PortalMethod portal, URI callback, boolean minimalScopes) {
        return smart.authorize(base(portal), callback, minimalScopes);
    }

    @Override
    public SignInOutcome complete(PortalMethod portal, ConnectorStep step) {
        if (!(step instanceof ConnectorStep.AuthorizationReturn back)) {
            throw new IllegalArgumentException("a SMART portal answers only the return from authorising, not " + step);
        }
        if (back.error() != null || back.code() == null || back.code().isBlank()) {
            return SmartConnector.authorizeError(back.error(), back.errorDescription());
        }
        return smart.exchange(base(portal), back.callback(), back.code(), back.verifier(), authentication(portal));
    }

    @Override
    public SignInOutcome refresh(PortalMethod portal, String session) {
        return smart.refresh(base(portal), session, authentication(portal));
    }

    @Override
    public Optional<FhirAccess> open(PortalMethod portal, String session) {
        JsonNode tokens = SmartSession.parse(session);
        if (portal.fhirBase() == null || !tokens.hasNonNull("access_token")) {
            return Optional.empty();
        }
        return Optional.of(new FhirAccess(portal.fhirBase(), tokens.path("patient").asText(null),
                tokens.path("access_token").asText()));
    }

    @Override
    public Optional<Profile> grantedPatient(PortalMethod portal, String session) {
        return portal.fhirBase() == null ? Optional.empty() : smart.grantedPatient(portal.fhirBase(), session);
    }

    /** The portal's FHIR base; a SMART portal cannot be connected before the directory has one. */
    static URI base(PortalMethod portal) {
        if (portal.fhirBase() == null) {
            throw new OutcomeException(Outcome.CONFLICT, "This portal has no FHIR address in the directory yet.");
        }
        return portal.fhirBase();
    }
}
