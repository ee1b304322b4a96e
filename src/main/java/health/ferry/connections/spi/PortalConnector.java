package health.ferry.connections.spi;

import java.net.URI;
import java.util.Optional;

/**
 * One way of connecting a portal (docs/connectors.md, "Adding a connector in one class"). Each implementation is a
 * CDI bean; the connections' registry picks, for a portal, the one connector that {@link #connects} it, from the
 * portal's connection method and Ferry's registration there. Connectors talk to portals through {@link PortalHttp}
 * and answer in the failure taxonomy ({@link SignInOutcome}); nothing else in Ferry knows how a method works.
 */
public interface PortalConnector {
    /** Whether this connector connects this portal: its connection method and Ferry's registration there. */
    boolean connects(PortalMethod portal);

    /**
     * How the participant gives access: true when they authorise Ferry at the portal itself (they are sent there
     * by {@link #authorize} and come back with a code; Ferry keeps tokens and {@link #refresh}es them before they
     * expire); false when they give Ferry their sign-in details, which Ferry checks in the background and signs in
     * with again when the portal's session has ended.
     */
    boolean authorizesAtPortal();

    /**
     * Authorise: the address to send the participant to. {@code minimalScopes}: only what Ferry cannot do without,
     * asked once after the portal refused the full set.
     *
     * @throws PortalUnavailable when the portal cannot be reached (try later)
     * @throws PortalSetUpProblem when the portal's set-up (discovery, Ferry's registration) cannot be used
     * @throws IllegalStateException when this connector's participants sign in with their details instead
     */
    default Authorization authorize(PortalMethod portal, URI callback, boolean minimalScopes) {
        throw new IllegalStateException(getClass().getSimpleName() + " does not authorise at the portal");
    }

    /**
     * Sign in or complete: the portal's answer to one step (a sign-in, a second factor, a profile choice, the
     * return from authorising): connected with the session to keep, or a taxonomy failure.
     *
     * @throws PortalUnavailable when the portal cannot be reached (after the connector's retries)
     * @throws IllegalArgumentException for a step of another connection method
     */
    SignInOutcome complete(PortalMethod portal, ConnectorStep step);

    /**
     * Refresh: new access from the kept session (a refresh token); a refusal is {@code reconnect_required}.
     * Connectors whose participants sign in with their details renew by a new sign-in instead
     * ({@link #complete} with {@link ConnectorStep.SignIn}) and answer {@code reconnect_required} here.
     *
     * @throws PortalUnavailable when the portal cannot be reached (nothing is wrong with the connection)
     */
    SignInOutcome refresh(PortalMethod portal, String session);

    /** Open a FHIR session from the kept session: base, patient and token; empty when the session is unusable. */
    Optional<FhirAccess> open(PortalMethod portal, String session);

    /**
     * The patient a session gives access to, as the portal states it (for "Who is this?"); empty when the method
     * does not tell or it cannot be read.
     */
    default Optional<Profile> grantedPatient(PortalMethod portal, String session) {
        return Optional.empty();
    }

    /**
     * Describe a failure this connector threw (or the fault tolerance around it) as a taxonomy outcome: an
     * unreachable portal is {@code portal_unavailable}, an address Ferry may not reach {@code portal_not_supported},
     * a portal set up wrongly {@code portal_setup_error} with what it said for admins.
     */
    default SignInOutcome.Failed describe(RuntimeException failure) {
        return PortalFailures.describe(failure);
    }
}
