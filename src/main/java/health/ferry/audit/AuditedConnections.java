package health.ferry.audit;

import health.ferry.review.StudyConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A study's connection funnel from the typed facts the audit trail records beside its entries
 * ({@link ConnectionEvent}: every portal search, and every connection change with its status and failure code), in
 * the order they happened. It reads no audit text.
 */
@ApplicationScoped
class AuditedConnections implements StudyConnections {
    @Inject
    ConnectionEventRepository events;

    @Override
    public Counts count(Collection<UUID> people) {
        Set<UUID> searched = new HashSet<>();
        Set<UUID> attempted = new HashSet<>();
        Set<UUID> connected = new HashSet<>();
        Map<String, Set<String>> failures = new TreeMap<>();
        Map<String, Latest> latest = new LinkedHashMap<>();
        Map<String, Instant> firstConnected = new HashMap<>();
        for (ConnectionEvent e : events.findByPeople(people)) {
            if (ConnectionEvent.SEARCHED.equals(e.kind)) {
                searched.add(e.personId);
                continue;
            }
            String connection = e.connectionId.toString();
            attempted.add(e.personId);
            String status = e.status;
            String failure = e.failure;
            if ("connected".equals(status)) {
                connected.add(e.personId);
                firstConnected.putIfAbsent(connection, e.at);
            }
            if (failure != null) {
                failures.computeIfAbsent(failure, k -> new HashSet<>()).add(connection);
            }
            Latest before = latest.get(connection);
            boolean failing = failure != null || "failed".equals(status) || "action_required".equals(status);
            Instant since = failing ? before != null && before.failingSince != null ? before.failingSince : e.at
                    : null;
            latest.put(connection, new Latest(e.personId, status, since, failure, e.at));
        }
        Map<String, Long> failuresByCode = new LinkedHashMap<>();
        failures.forEach((code, connections) -> failuresByCode.put(code, (long) connections.size()));
        Map<String, Long> byStatus = new TreeMap<>();
        Map<UUID, Instant> failingSince = new HashMap<>();
        Set<UUID> healthy = new HashSet<>();
        Map<UUID, Instant> lockedOut = new HashMap<>();
        Map<UUID, Instant> reconnect = new HashMap<>();
        Map<UUID, Instant> connectedSince = new HashMap<>();
        latest.forEach((connection, l) -> {
            if ("connected".equals(l.status) && firstConnected.containsKey(connection)) {
                connectedSince.merge(l.person, firstConnected.get(connection), AuditedConnections::earlier);
            }
        });
        for (Latest l : latest.values()) {
            if (l.failure != null && LOCKED_OUT.contains(l.failure)) {
                lockedOut.merge(l.person, l.at, AuditedConnections::earlier);
            }
            if (RECONNECT.equals(l.failure)) {
                reconnect.merge(l.person, l.at, AuditedConnections::earlier);
            }
            if (l.status != null) {
                byStatus.merge(l.status, 1L, Long::sum);
            }
            if (l.failingSince == null) {
                if (!"disconnected".equals(l.status)) {
                    healthy.add(l.person);
                }
            } else {
                failingSince.merge(l.person, l.failingSince, AuditedConnections::earlier);
            }
        }
        healthy.forEach(failingSince::remove);
        return new Counts(searched.size(), attempted.size(), connected.size(), failuresByCode, byStatus,
                failingSince, lockedOut, reconnect, connectedSince);
    }

    @Override
    public Behind behind(Collection<UUID> people) {
        Set<UUID> searched = new HashSet<>();
        Set<UUID> attempted = new HashSet<>();
        Set<UUID> connected = new HashSet<>();
        Map<String, Set<UUID>> byFailure = new TreeMap<>();
        Map<String, Latest> latest = new LinkedHashMap<>();
        for (ConnectionEvent e : events.findByPeople(people)) {
            if (ConnectionEvent.SEARCHED.equals(e.kind)) {
                searched.add(e.personId);
                continue;
            }
            attempted.add(e.personId);
            if ("connected".equals(e.status)) {
                connected.add(e.personId);
            }
            if (e.failure != null) {
                byFailure.computeIfAbsent(e.failure, k -> new HashSet<>()).add(e.personId);
            }
            latest.put(e.connectionId.toString(), new Latest(e.personId, e.status, null, e.failure, e.at));
        }
        Map<String, Set<UUID>> byStatus = new TreeMap<>();
        latest.values().stream().filter(l -> l.status != null)
                .forEach(l -> byStatus.computeIfAbsent(l.status, k -> new HashSet<>()).add(l.person));
        return new Behind(searched, attempted, connected, byFailure, byStatus);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** Failures that lock the participant out of their portal until something is done. */
    static final Set<String> LOCKED_OUT = Set.of("account_locked", "too_many_attempts");
    /** The failure of a connection whose portal access ended: the participant must connect again. */
    static final String RECONNECT = "reconnect_required";

    private record Latest(UUID person, String status, Instant failingSince, String failure, Instant at) {
    }
}
