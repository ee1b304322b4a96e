package health.ferry.connections;

import health.ferry.connections.spi.SignInOutcome;
import health.ferry.connections.spi.SignInOutcome.Connected;
import health.ferry.connections.spi.SignInOutcome.Failed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.UUID;

/** Applies a portal's answer to a connection: seal the session, or record the failure and what its next step needs. */
@ApplicationScoped
class ConnectionOutcomes {
    /** Answers to new sign-in details that mean the portal accepted them and wants one more step. */
    private static final java.util.Set<ConnectionFailure> ACCEPTED_WITH_A_NEXT_STEP = java.util.EnumSet.of(
            ConnectionFailure.TWO_FACTOR_REQUIRED, ConnectionFailure.MULTIPLE_PROFILES,
            ConnectionFailure.TERMS_ACCEPTANCE_REQUIRED, ConnectionFailure.PASSWORD_CHANGE_REQUIRED);

    @Inject
    ConnectionRepository connections;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    ConnectionViews views;
    @Inject
    Event<ConnectionChanged> changed;
    @Inject
    Clock clock;
    @Inject
    health.ferry.directory.PortalSetupProblems setupProblems;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void apply(UUID connectionId, SignInOutcome outcome) {
        Connection c = connections.findById(connectionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.status() == ConnectionStatus.DISCONNECTED) {
            return; // Disconnected meanwhile: keep nothing the portal sent.
        }
        applyTo(c, outcome);
    }

    /**
     * The portal's answer to new sign-in details for a working connection: accepted, they replace the old ones (and
     * the session); refused, they are dropped and the connection goes on as it was, the refusal kept to be shown.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void applyUpdate(UUID connectionId, SignInOutcome outcome) {
        Connection c = connections.findById(connectionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.status() == ConnectionStatus.DISCONNECTED || c.updateCheckingSince == null) {
            return; // disconnected, or settled meanwhile
        }
        java.util.Optional<String> candidate = secrets.get(c.id, ConnectionSecrets.CANDIDATE);
        secrets.remove(c.id, ConnectionSecrets.CANDIDATE);
        ConnectionFailure failure = outcome instanceof Failed f ? ConnectionFailure.fromCode(f.failureCode())
                .orElse(ConnectionFailure.PORTAL_UNAVAILABLE) : null;
        if (candidate.isPresent() && (failure == null || ACCEPTED_WITH_A_NEXT_STEP.contains(failure))) {
            // The portal took the new details (perhaps asking for a code, a profile or its terms next): they are
            // the connection's now, and it goes on from the portal's answer as any sign-in does.
            secrets.put(c.id, ConnectionSecrets.CREDENTIALS, candidate.get());
            applyTo(c, outcome);
            return;
        }
        if (failure == null) {
            failure = ConnectionFailure.CREDENTIAL_ERROR;
        }
        c.updateRefused(failure, clock.instant());
        changed.fire(new ConnectionChanged(null, c.personId, c.id, c.portalId, "credentials_refused",
                c.status().code(), failure.code()));
    }

    void applyTo(Connection c, SignInOutcome outcome) {
        if (outcome instanceof Connected ok) {
            secrets.put(c.id, ConnectionSecrets.TOKENS, ok.session());
            secrets.remove(c.id, ConnectionSecrets.CHALLENGE);
            secrets.remove(c.id, ConnectionSecrets.PKCE);
            c.connected(ok.accessExpiresAt(), ok.accessEndsAt(), clock.instant());
        } else if (outcome instanceof Failed f) {
            ConnectionFailure failure = ConnectionFailure.fromCode(f.failureCode())
                    .orElse(ConnectionFailure.PORTAL_UNAVAILABLE);
            if (f.challenge() != null) {
                secrets.put(c.id, ConnectionSecrets.CHALLENGE, f.challenge());
            }
            if (failure == ConnectionFailure.PORTAL_SETUP_ERROR) {
                noteSetUpProblem(c.portalId, f.portalError());
            }
            c.recordFailure(failure, views.profilesJson(f.profiles()), f.actionUrl(), clock.instant());
        }
        changed.fire(new ConnectionChanged(null, c.personId, c.id, c.portalId, "status", c.status().code(),
                c.failureCode));
    }

    /**
     * The portal granted access to a patient who does not look like the person being connected: the tokens are
     * sealed but not used, and the participant is asked (continue with {@link #patientConfirmed}, or disconnect).
     */
    void askAboutPatient(Connection c, Connected ok, health.ferry.connections.spi.Profile granted) {
        secrets.put(c.id, ConnectionSecrets.TOKENS, ok.session());
        secrets.remove(c.id, ConnectionSecrets.PKCE);
        c.awaitPatientConfirmation(views.profilesJson(java.util.List.of(granted)), ok.accessExpiresAt(),
                ok.accessEndsAt(), clock.instant());
        changed.fire(new ConnectionChanged(null, c.personId, c.id, c.portalId, "status", c.status().code(),
                c.failureCode));
    }

    /** The participant said the portal's patient is the person: connected with the tokens kept meanwhile. */
    void patientConfirmed(Connection c) {
        c.patientConfirmed(clock.instant());
    }

    /** The portal's connection is not set up correctly: the connection says so, and admins get a notice. */
    void setUpProblem(Connection c, SignInOutcome.PortalError error) {
        noteSetUpProblem(c.portalId, error);
        c.recordFailure(ConnectionFailure.PORTAL_SETUP_ERROR, null, clock.instant());
    }

    /** An admin notice with the portal's error and description (sanitised there; never shown to participants). */
    void noteSetUpProblem(UUID portalId, SignInOutcome.PortalError error) {
        setupProblems.record(portalId, error == null ? null : error.error(),
                error == null ? null : error.description());
    }
}
