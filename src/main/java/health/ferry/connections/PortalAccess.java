package health.ferry.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.connections.credentials.VaultException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

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
    Portals portals;
    @Inject
    ConnectionOutcomes outcomes;
    @Inject
    ObjectMapper json;

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
        return QuarkusTransaction.requiringNew().call(() -> connections.find("status", ConnectionStatus.CONNECTED)
                .list().stream().map(c -> c.id).toList());
    }

    /** The connection's person and portal, whatever its status; empty when it does not exist. */
    public Optional<Subject> subject(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> connections.findByIdOptional(connectionId)
                .map(c -> new Subject(c.id, c.personId, c.portalId, c.portalName)));
    }

    /** A session for a connected connection, or empty (not connected, access refused, secret unreadable). */
    public Optional<Session> open(UUID connectionId) {
        return open(connectionId, false);
    }

    /** After the portal answered 401: refresh (SMART) and try once more; credential portals need a new sign-in. */
    public Optional<Session> reopen(UUID connectionId) {
        return open(connectionId, true);
    }

    /** The portal refused access for good (revoked, expired): the participant must reconnect. */
    public void accessEnded(UUID connectionId) {
        outcomes.apply(connectionId, health.ferry.connections.spi.SignInOutcome.Failed.of(
                ConnectionFailure.RECONNECT_REQUIRED.code()));
    }

    private Optional<Session> open(UUID connectionId, boolean force) {
        Connection c = QuarkusTransaction.requiringNew().call(() -> connections.findById(connectionId));
        if (c == null || c.status() != ConnectionStatus.CONNECTED) {
            return Optional.empty();
        }
        Optional<String> session;
        try {
            session = c.isSmart() ? smart.refresh(connectionId, force)
                    : QuarkusTransaction.requiringNew().call(() -> secrets.get(connectionId, ConnectionSecrets.TOKENS));
        } catch (VaultException e) {
            return Optional.empty();
        }
        if (session.isEmpty() || (force && !c.isSmart())) {
            return Optional.empty();
        }
        try {
            JsonNode s = json.readTree(session.get());
            String token = s.hasNonNull("access_token") ? s.path("access_token").asText() : s.path("sessionToken").asText();
            String patient = s.hasNonNull("patient") ? s.path("patient").asText() : s.path("patientId").asText(null);
            URI base = c.isSmart() ? Portals.fhirBase(QuarkusTransaction.requiringNew().call(() -> portals.get(c.portalId)))
                    : URI.create(s.path("fhirBaseUrl").asText());
            return Optional.of(new Session(c.id, c.personId, base, patient, token));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
