package health.ferry.connections;

import health.ferry.directory.PortalSupportDecided;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;

/**
 * When an admin decides a requested portal, the connections waiting for it follow: supported, the waiting row is
 * removed (nothing was ever sent to it) and the participant is invited to connect; not supported, it says so.
 */
@ApplicationScoped
class PortalDecisions {
    @Inject
    ConnectionRepository connections;
    @Inject
    ConnectionSecrets secrets;
    @Inject
    Event<ConnectionChanged> changed;
    @Inject
    Clock clock;

    void decided(@Observes PortalSupportDecided decision) {
        for (Connection c : connections.findPendingFor(decision.portalId())) {
            if ("supported".equals(decision.supportStatus())) {
                secrets.purge(c.id);
                connections.delete(c);
                changed.fire(new ConnectionChanged(null, c.personId, c.id, c.portalId, "portal_supported",
                        "removed", null));
            } else {
                c.recordFailure(ConnectionFailure.PORTAL_NOT_SUPPORTED, null, clock.instant());
                changed.fire(new ConnectionChanged(null, c.personId, c.id, c.portalId, "portal_not_supported",
                        c.status().code(), c.failureCode));
            }
        }
    }
}
