package health.ferry.connections;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class ConnectionRepository implements PanacheRepositoryBase<Connection, UUID> {
    List<Connection> findByPerson(UUID personId) {
        return list("personId = ?1 order by createdAt desc", personId);
    }

    Optional<Connection> findActive(UUID personId, UUID portalId) {
        return find("personId = ?1 and portalId = ?2 and status <> ?3", personId, portalId,
                ConnectionStatus.DISCONNECTED).firstResultOptional();
    }

    /** Working connections whose new sign-in details have been tried since before {@code before} (a crash). */
    List<UUID> findStuckUpdates(java.time.Instant before) {
        return find("status = ?1 and updateCheckingSince < ?2", ConnectionStatus.CONNECTED, before)
                .project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Connections left validating since before {@code before} (an instance died mid-validation). */
    List<UUID> findStuckValidating(java.time.Instant before) {
        return find("status = ?1 and method = 'credentials' and updatedAt < ?2", ConnectionStatus.VALIDATING, before)
                .project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** SMART authorisations started at or before {@code cutoff} and still waiting for the participant's return. */
    List<UUID> findAuthorizingSince(java.time.Instant cutoff) {
        return find("status = ?1 and method = 'smart' and oauthStartedAt <= ?2", ConnectionStatus.AUTHORIZING, cutoff)
                .project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Ids of every connection with this status (the ids only: the weekly sync enqueues thousands). */
    List<UUID> findIds(ConnectionStatus status) {
        return find("status", status).project(IdOnly.class).list().stream().map(IdOnly::id).toList();
    }

    /** Projection of a connection's id. */
    record IdOnly(UUID id) {
    }

    List<Connection> findPendingFor(UUID portalId) {
        return list("portalId = ?1 and status = ?2", portalId, ConnectionStatus.PENDING_PORTAL);
    }

    Optional<Connection> findByStateHash(String stateHash) {
        return find("oauthStateHash", stateHash).firstResultOptional();
    }
}
