package health.ferry.review;

import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What a study's participants did with portal connections, for its funnel and dashboard. Implemented by whoever
 * keeps that history (the audit trail), so review depends on nothing but this seam.
 */
public interface StudyConnections {

    /** Counts for these people. */
    Counts count(Collection<UUID> people);

    /** Who is behind the numbers of {@link #count}: the people a dashboard's bar stands for. */
    Behind behind(Collection<UUID> people);

    /**
     * @param searched  people who searched the portal directory
     * @param attempted people who started a connection
     * @param connected people with a connection that reached {@code connected}
     * @param byFailure people with a connection that met each failure code
     * @param byStatus  people with a connection whose latest status is each status
     */
    record Behind(Set<UUID> searched, Set<UUID> attempted, Set<UUID> connected, Map<String, Set<UUID>> byFailure,
            Map<String, Set<UUID>> byStatus) {
    }

    /**
     * @param searched        people who searched the portal directory
     * @param attempted       people who started a connection
     * @param connected       people with a connection that reached {@code connected}
     * @param failuresByCode  connections that met each failure code
     * @param byStatus        connections by their latest status
     * @param failingSince    people whose connections are all failing now, since when (earliest current failure)
     * @param lockedOut       people with a connection locked out now (the portal locked the account, or too many
     *                        sign-in attempts), since when
     * @param reconnectNeeded people with a connection whose portal access ended (reconnect needed now), since when
     * @param connectedSince  people with a working connection now, since when its first one first connected
     */
    record Counts(long searched, long attempted, long connected, Map<String, Long> failuresByCode,
            Map<String, Long> byStatus, Map<UUID, Instant> failingSince, Map<UUID, Instant> lockedOut,
            Map<UUID, Instant> reconnectNeeded, Map<UUID, Instant> connectedSince) {
    }
}
