package health.ferry.connections;

import health.ferry.connections.spi.PortalConnector;
import health.ferry.connections.spi.PortalMethod;
import health.ferry.directory.PortalConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * Picks a portal's {@link PortalConnector}: of every connector bean, the one that connects the portal's connection
 * method with Ferry's registration there. A new connector is a new bean and nothing else (docs/connectors.md).
 */
@ApplicationScoped
class ConnectorRegistry {
    @Inject
    @Any
    Instance<PortalConnector> connectors;
    @Inject
    Portals portals;

    /**
     * The connector of this portal.
     *
     * @throws IllegalStateException when no connector, or more than one, connects it (a set-up mistake in Ferry)
     */
    PortalConnector of(PortalMethod portal) {
        List<PortalConnector> matching = StreamSupport.stream(connectors.spliterator(), false)
                .filter(c -> c.connects(portal)).toList();
        if (matching.size() != 1) {
            throw new IllegalStateException((matching.isEmpty() ? "no connector" : matching.size() + " connectors")
                    + " for connection method " + portal.connectionMethod() + " at " + portal.fhirBase());
        }
        return matching.get(0);
    }

    /** What the connector of a new connection to this portal needs to know of it. */
    PortalMethod method(PortalConnection portal) {
        return portals.method(portal.connectionMethod(), portal);
    }

    /** What the connector of this connection needs to know of its portal (the method it was connected with). */
    PortalMethod method(Connection c) {
        return portals.method(c.method, portals.get(c.portalId));
    }
}
