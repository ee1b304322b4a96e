package health.ferry.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.connections.credentials.VaultException;
import health.ferry.connections.spi.ConnectorStep;
import health.ferry.connections.spi.PortalConnector;
import health.ferry.connections.spi.PortalMethod;
import health.ferry.connections.spi.PortalUnavailable;
import health.ferry.connections.spi.SignInOutcome;
import health.ferry.connections.spi.SignInOutcome.Failed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

/**
 * What sync needs to read a connected portal's FHIR API: its base URL, a current access token and the patient.
 * SMART access is refreshed first when it is about to end (once, under a row lock); a refused refresh leaves the
 * connection reconnect_required and answers empty. Never logs or exposes the token beyond the caller.
 */
@ApplicationScoped
public class PortalAccess {
    @Inject
    ConnectionRepository connections;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    SmartAuthorizations smart;
    @Inject
    ConnectionOutcomes outcomes;
    @Inject
    ObjectMapper json;
    @Inject
    ConnectorRegistry registry;
    @Inject
    AttemptLimiter attempts;
    @Inject
    java.time.Clock clock;

    /** A FHIR session: where, as whom, with which token. No toString of the token. */
    public record Session(UUID connectionId, UUID personId, URI fhirBase, String patientId, String accessToken) {
        @Override
        public String toString() {
            return "Session[" + connectionId + "]";
        }
    }

    /** Whose connection it is and to which portal (for notices and audit); ids and the portal's name only. */
    public record Subject(UUID connectionId, UUID personId, UUID portalId, String portalName) {
    }

    /** Every connection that is connected now: what the scheduled sync enqueues. */
    public List<UUID> connectedIds() {
        return QuarkusTransaction.requiringNew().call(() -> connections.findIds(ConnectionStatus.CONNECTED));
    }

    /** The connection's person and portal, whatever its status; empty when it does not exist. */
    public Optional<Subject> subject(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> connections.findByIdOptional(connectionId)
                .map(c -> new Subject(c.id, c.personId, c.portalId, c.portalName)));
    }

    /**
     * A session for a connected connection, or empty (not connected, access refused, secret unreadable).
     *
     * @throws PortalUnavailable when SMART access must be refreshed and the token endpoint cannot be reached (try
     *         later; the connection is left as it was)
     */
    public Optional<Session> open(UUID connectionId) {
        return open(connectionId, false);
    }

    /**
     * After the portal answered 401: refresh (SMART), or sign in again with the stored credentials (credential
     * portals' sessions are short; the password is kept for this), and try once more. Empty when that did not give a
     * session; a sign-in the portal refused has already put the connection in its failure state (credential error,
     * two-factor required, terms, password change...), with the participant's fix.
     *
     * @throws PortalUnavailable when the portal cannot be reached to sign in again (try later, nothing is wrong)
     */
    public Optional<Session> reopen(UUID connectionId) {
        return open(connectionId, true);
    }

    /**
     * The portal refused access for good (revoked, expired): the participant must reconnect. A connection that is
     * no longer connected (a fresh sign-in just failed with its own reason) keeps that reason.
     */
    public void accessEnded(UUID connectionId) {
        Connection c = QuarkusTransaction.requiringNew().call(() -> connections.findById(connectionId));
        if (c != null && c.status() == ConnectionStatus.CONNECTED) {
            outcomes.apply(connectionId, Failed.of(ConnectionFailure.RECONNECT_REQUIRED.code()));
        }
    }

    /**
     * A new sign-in with the stored user name and password (a credential portal's session lasts an hour or so; a
     * weekly sync always needs one), its outcome applied as the first sign-in's was. Not once the portal's stated
     * end of access has passed (the {@code shortlived} account): that is the participant's to renew.
     */
    private Optional<Session> signInAgain(Connection c, PortalMethod method, PortalConnector connector) {
        if (c.accessEndsAt != null && !clock.instant().isBefore(c.accessEndsAt)) {
            return Optional.empty(); // the portal said when this access ends for good: a new sign-in is not ours
        }
        String creds;
        try {
            creds = QuarkusTransaction.requiringNew().call(() -> secrets.get(c.id, ConnectionSecrets.CREDENTIALS)
                    .orElse(null));
        } catch (VaultException e) {
            creds = null;
        }
        if (creds == null) {
            outcomes.apply(c.id, Failed.of(ConnectionFailure.CREDENTIAL_ERROR.code()));
            return Optional.empty();
        }
        String username;
        String password;
        try {
            JsonNode node = json.readTree(creds);
            username = node.path("username").asText("");
            password = node.path("password").asText("");
        } catch (IOException e) {
            outcomes.apply(c.id, Failed.of(ConnectionFailure.CREDENTIAL_ERROR.code()));
            return Optional.empty();
        }
        AttemptLimiter.Key key = attempts.key(c.personId, c.portalId, username);
        if (attempts.coolingDownUntil(key).isPresent()) {
            // too many recent refused sign-ins at this portal: try later, the participant has nothing to fix yet
            throw new PortalUnavailable("sign-in attempts cooling down", null);
        }
        SignInOutcome outcome;
        try {
            outcome = connector.complete(method, new ConnectorStep.SignIn(username, password));
        } catch (CircuitBreakerOpenException e) {
            throw new PortalUnavailable("circuit open", null);
        } catch (health.ferry.outbound.OutboundRefused e) {
            outcome = Failed.of(ConnectionFailure.PORTAL_NOT_SUPPORTED.code());
        }
        attempts.record(key, c.personId, c.id, ConnectionValidator.attempt(outcome, ValidationRequested.Step.SIGN_IN));
        outcomes.apply(c.id, outcome);
        return outcome instanceof SignInOutcome.Connected ? open(c.id, false) : Optional.empty();
    }

    private Optional<Session> open(UUID connectionId, boolean force) {
        Connection c = QuarkusTransaction.requiringNew().call(() -> connections.findById(connectionId));
        if (c == null || c.status() != ConnectionStatus.CONNECTED) {
            return Optional.empty();
        }
        PortalMethod method = QuarkusTransaction.requiringNew().call(() -> registry.method(c));
        PortalConnector connector = registry.of(method);
        Optional<String> session;
        try {
            // Access the participant authorised is refreshed (once, under a row lock); a kept portal session is read.
            session = connector.authorizesAtPortal() ? smart.refresh(connectionId, force)
                    : QuarkusTransaction.requiringNew().call(() -> secrets.get(connectionId, ConnectionSecrets.TOKENS));
        } catch (VaultException e) {
            return Optional.empty();
        }
        if (force && !connector.authorizesAtPortal()) {
            return signInAgain(c, method, connector);
        }
        return session.flatMap(s -> connector.open(method, s))
                .map(a -> new Session(c.id, c.personId, a.fhirBase(), a.patientId(), a.accessToken()));
    }
}
