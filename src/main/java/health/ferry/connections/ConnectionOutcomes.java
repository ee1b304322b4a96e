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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    void apply(UUID connectionId, SignInOutcome outcome) {
        Connection c = connections.findById(connectionId, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (c == null || c.status() == ConnectionStatus.DISCONNECTED) {
            return; // Disconnected meanwhile: keep nothing the portal sent.
        }
        applyTo(c, outcome);
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
            c.recordFailure(failure, views.profilesJson(f.profiles()), f.actionUrl(), clock.instant());
        }
        changed.fire(new ConnectionChanged(null, c.personId, c.id, c.portalId, "status", c.status().code(),
                c.failureCode));
    }
}
