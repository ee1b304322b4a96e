package health.ferry.connections;

import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import health.ferry.connections.ValidationRequested.Step;
import health.ferry.directory.PortalConnection;
import health.ferry.outcome.Outcome;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import health.ferry.outcome.OutcomeException;
import health.ferry.outcome.OutcomeException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Connects a person's portal and carries the participant through every next step: credentials, a one-time code,
 * a profile choice, "check again", SMART authorisation, disconnecting. Every step answers the connection's view.
 */
@ApplicationScoped
public class ConnectionWizard {
    @Inject
    CurrentAccount current;
    @Inject
    ConnectionRepository connections;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    Portals portals;
    @Inject
    SmartAuthorizations smart;
    @Inject
    ConnectorRegistry registry;
    @Inject
    ConnectionOutcomes outcomes;
    @Inject
    ConnectionViews views;
    @Inject
    Event<ValidationRequested> validation;
    @Inject
    Event<ConnectionChanged> changed;
    @Inject
    ObjectMapper json;
    @Inject
    Clock clock;
    @Inject
    RecordStore recordStore;

    /** What the participant sends to connect: the portal, and for credential portals their sign-in details. */
    public record StartRequest(String portalId, String username, String password) {
        @Override
        public String toString() {
            return "StartRequest[" + portalId + "]";
        }
    }

    @Transactional
    public ConnectionView start(String personId, StartRequest request, URI callback) {
        PersonView person = current.person(personId);
        PortalConnection portal = request == null ? null : portals.require(request.portalId());
        if (portal == null) {
            throw OutcomeException.invalid("portalId", "Choose your portal from the directory.");
        }
        Connection c = connections.findActive(person.id(), portal.portalId()).orElse(null);
        if (c != null && c.status() == ConnectionStatus.CONNECTED) {
            // A new attempt (a mistyped password, say) must never put a working connection at risk: the participant
            // is sent to it instead, where "Sync now" and "Update sign-in details" are.
            throw new OutcomeException(Outcome.ALREADY_CONNECTED, "You are already connected to " + portal.name()
                    + ". Open that connection to sync now or to update the sign-in details.")
                    .with("connectionId", c.id.toString());
        }
        if (c == null) {
            c = new Connection(person.id(), portal.portalId(), portal.name(), portal.connectionMethod(), clock.instant());
            connections.persist(c);
        }
        String authorizeUrl = null;
        if ("pending".equals(portal.supportStatus())) {
            c.recordFailure(ConnectionFailure.PORTAL_PENDING, null, clock.instant());
        } else if ("not_supported".equals(portal.supportStatus())) {
            c.recordFailure(ConnectionFailure.PORTAL_NOT_SUPPORTED, null, clock.instant());
        } else if (registry.of(registry.method(portal)).authorizesAtPortal()) {
            authorizeUrl = smart.begin(c, portal, callback);
        } else {
            storeCredentials(c, ConnectionSecrets.CREDENTIALS, request.username(), request.password());
            c.validating(clock.instant());
            validation.fire(new ValidationRequested(c.id, Step.SIGN_IN, null));
        }
        changed.fire(new ConnectionChanged(current.actor(), person.id(), c.id, portal.portalId(), "start",
                c.status().code(), c.failureCode));
        return views.of(c, person, portal).withAuthorizeUrl(authorizeUrl);
    }

    /** The portals the person has a working (connected) connection to, and each one's connection id. */
    public Map<UUID, UUID> working(String personId) {
        PersonView person = current.person(personId);
        Map<UUID, UUID> working = new java.util.HashMap<>();
        connections.findByPerson(person.id()).stream().filter(c -> c.status() == ConnectionStatus.CONNECTED)
                .forEach(c -> working.put(c.portalId, c.id));
        return working;
    }

    public ConnectionView view(String connectionId) {
        Connection c = owned(connectionId);
        if (smart.stale(c) && smart.expireIfStale(c.id)) {
            connections.getEntityManager().clear(); // read what the expiry wrote
            c = owned(connectionId);
        }
        return views.of(c, current.person(c.personId), portals.get(c.portalId));
    }

    public List<ConnectionView> list(String personId) {
        PersonView person = current.person(personId);
        List<Connection> found = connections.findByPerson(person.id());
        if (found.stream().filter(smart::stale).map(c -> smart.expireIfStale(c.id)).toList().contains(true)) {
            connections.getEntityManager().clear(); // read what the expiry wrote
            found = connections.findByPerson(person.id());
        }
        return found.stream().map(c -> views.of(c, person, portals.get(c.portalId))).toList();
    }

    /** "Update sign-in details": new credentials, validated again. */
    @Transactional
    public ConnectionView updateCredentials(String connectionId, String username, String password) {
        Connection c = owned(connectionId);
        requireCredentialPortal(c);
        if (c.status() == ConnectionStatus.CONNECTED) {
            // A working connection keeps working: the new details are tried first, and replace the old ones only
            // once the portal accepts them (ConnectionOutcomes.applyUpdate).
            storeCredentials(c, ConnectionSecrets.CANDIDATE, username, password);
            c.checkingUpdate(clock.instant());
            validation.fire(new ValidationRequested(c.id, Step.UPDATE, null));
            changed.fire(new ConnectionChanged(current.actor(), c.personId, c.id, c.portalId, "credentials_check",
                    c.status().code(), null));
            return views.of(c, current.person(c.personId), portals.get(c.portalId));
        }
        storeCredentials(c, ConnectionSecrets.CREDENTIALS, username, password);
        return revalidate(c, Step.SIGN_IN, null, "credentials");
    }

    @Transactional
    public ConnectionView secondFactor(String connectionId, String code) {
        Connection c = owned(connectionId);
        String trimmed = code == null ? "" : code.strip();
        if (!trimmed.matches("[0-9A-Za-z-]{4,12}")) {
            throw OutcomeException.invalid("code", "Enter the code exactly as the portal sent it.");
        }
        requireFailure(c, ConnectionFailure.TWO_FACTOR_REQUIRED);
        return revalidate(c, Step.SECOND_FACTOR, trimmed, "second_factor");
    }

    @Transactional
    public ConnectionView chooseProfile(String connectionId, String profileId) {
        Connection c = owned(connectionId);
        if (c.failure() == ConnectionFailure.PATIENT_MISMATCH) {
            return confirmPatient(c, profileId);
        }
        requireFailure(c, ConnectionFailure.MULTIPLE_PROFILES);
        boolean known = views.profiles(c.profilesJson).stream().anyMatch(p -> p.id().equals(profileId));
        if (!known) {
            throw OutcomeException.invalid("profileId", "Choose one of the profiles listed.");
        }
        return revalidate(c, Step.PROFILE, profileId, "profile");
    }

    /**
     * "Yes, connect these records": the participant confirms that the patient the SMART portal granted is the
     * person being connected (the profile listed is that patient); the tokens kept meanwhile are used from now on.
     */
    private ConnectionView confirmPatient(Connection c, String profileId) {
        boolean listed = views.profiles(c.profilesJson).stream().anyMatch(p -> p.id().equals(profileId));
        if (!listed) {
            throw OutcomeException.invalid("profileId", "Choose one of the profiles listed.");
        }
        outcomes.patientConfirmed(c);
        changed.fire(new ConnectionChanged(current.actor(), c.personId, c.id, c.portalId, "authorized",
                c.status().code(), c.failureCode));
        return views.of(c, current.person(c.personId), portals.get(c.portalId));
    }

    /** "I've done it — check again", after accepting terms or changing the password at the portal. */
    @Transactional
    public ConnectionView recheck(String connectionId) {
        Connection c = owned(connectionId);
        requireCredentialPortal(c);
        return revalidate(c, Step.SIGN_IN, null, "recheck");
    }

    /** Sends the participant back to a SMART portal (reconnect), skipping the search. */
    @Transactional
    public ConnectionView reconnect(String connectionId, URI callback) {
        Connection c = owned(connectionId);
        if (!authorizesAtPortal(c)) {
            return revalidate(c, Step.SIGN_IN, null, "reconnect");
        }
        PortalConnection portal = portals.get(c.portalId);
        String url = smart.begin(c, portal, callback);
        return views.of(c, current.person(c.personId), portal).withAuthorizeUrl(url);
    }

    /**
     * The return from a SMART portal: only the account that started it, only while it waits, only once. The view
     * carries an {@code authorizeUrl} when the portal refused the scopes and Ferry asks once more with the minimal
     * set: the participant goes back to the portal.
     */
    @Transactional
    public ConnectionView completeAuthorization(String state, String code, String error, String errorDescription,
            URI callback) {
        Connection c = smart.waitingFor(state).orElseThrow(() -> current.denied("oauth_state", "-", null));
        PersonView person = current.person(c.personId);
        String again = smart.complete(c, person, code, error, errorDescription, callback).orElse(null);
        changed.fire(new ConnectionChanged(current.actor(), person.id(), c.id, c.portalId,
                again == null ? "authorized" : "scopes_retried", c.status().code(), c.failureCode));
        return views.of(c, person, portals.get(c.portalId)).withAuthorizeUrl(again);
    }

    /**
     * Disconnect: no new records, every secret deleted at once; accepted records stay; pending records from this
     * portal stay for review unless {@code deletePending}, when they are deleted (marked, like a refusal).
     */
    @Transactional
    public void disconnect(String connectionId, boolean deletePending) {
        Connection c = owned(connectionId);
        // A validation finishing at this moment must not turn a disconnect into a conflict: wait for its row lock
        // and disconnect what it left (ConnectionOutcomes takes the same lock and leaves a disconnected row alone).
        connections.getEntityManager().refresh(c, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        secrets.purge(c.id);
        c.disconnect(clock.instant());
        if (deletePending) {
            recordStore.deletePending(c.personId, RecordSource.connection(c.id));
        }
        changed.fire(new ConnectionChanged(current.actor(), c.personId, c.id, c.portalId,
                deletePending ? "disconnect_delete_pending" : "disconnect", c.status().code(), null));
    }

    /** {@code keep} (or nothing) keeps pending records, {@code delete} deletes them; anything else is invalid. */
    static boolean deletePending(String choice) {
        return switch (choice == null || choice.isBlank() ? "keep" : choice.trim()) {
            case "keep" -> false;
            case "delete" -> true;
            default -> throw OutcomeException.invalid("pendingRecords", "keep or delete");
        };
    }

    private ConnectionView revalidate(Connection c, Step step, String answer, String action) {
        if (c.status() == ConnectionStatus.DISCONNECTED) {
            throw new OutcomeException(Outcome.CONFLICT, "This connection was disconnected. Connect the portal again.");
        }
        c.validating(clock.instant());
        validation.fire(new ValidationRequested(c.id, step, answer));
        changed.fire(new ConnectionChanged(current.actor(), c.personId, c.id, c.portalId, action, c.status().code(),
                null));
        return views.of(c, current.person(c.personId), portals.get(c.portalId));
    }

    private void storeCredentials(Connection c, String kind, String username, String password) {
        List<FieldError> errors = new ArrayList<>();
        if (username == null || username.isBlank() || username.length() > 200) {
            errors.add(new FieldError("username", "Enter the username you use at the portal."));
        }
        if (password == null || password.isEmpty() || password.length() > 500) {
            errors.add(new FieldError("password", "Enter the password you use at the portal."));
        }
        if (!errors.isEmpty()) {
            throw new OutcomeException(Outcome.VALIDATION_FAILED, "Enter your portal sign-in details.", errors);
        }
        try {
            secrets.put(c.id, kind,
                    json.writeValueAsString(Map.of("username", username.strip(), "password", password)));
        } catch (IOException e) {
            throw new IllegalStateException("credentials not encodable");
        }
        if (ConnectionSecrets.CREDENTIALS.equals(kind)) {
            secrets.remove(c.id, ConnectionSecrets.CHALLENGE);
        }
    }

    /** Whether the participant authorises this connection at the portal itself (its connector says). */
    private boolean authorizesAtPortal(Connection c) {
        return registry.of(registry.method(c)).authorizesAtPortal();
    }

    private void requireCredentialPortal(Connection c) {
        if (authorizesAtPortal(c)) {
            throw new OutcomeException(Outcome.CONFLICT, "This portal connects by signing in at the portal itself. "
                    + "Choose Reconnect.");
        }
    }

    private static void requireFailure(Connection c, ConnectionFailure expected) {
        if (c.failure() != expected) {
            throw new OutcomeException(Outcome.CONFLICT, "The portal is not waiting for that now.");
        }
    }

    /** A connection of a person this account acts for; anything else is 404 and audited. */
    private Connection owned(String connectionId) {
        UUID id = CurrentAccount.parse(connectionId);
        Connection c = id == null ? null : connections.findById(id);
        if (c == null || !current.actsFor(c.personId)) {
            throw current.denied("connection", String.valueOf(connectionId), null);
        }
        return c;
    }

}
