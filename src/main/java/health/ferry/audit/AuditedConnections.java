package health.ferry.audit;

import health.ferry.review.StudyConnections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A study's connection funnel read from the audit trail, which already holds every portal search
 * ({@code portal.search}) and every connection change ({@code connection.*}, detail {@code status=… failure=…}).
 */
@ApplicationScoped
class AuditedConnections implements StudyConnections {
    @Inject
    AuditRepository entries;

    @Override
    public Counts count(Collection<UUID> people) {
        Set<UUID> searched = new HashSet<>();
        Set<UUID> attempted = new HashSet<>();
        Set<UUID> connected = new HashSet<>();
        Map<String, Set<String>> failures = new TreeMap<>();
        Map<String, Latest> latest = new LinkedHashMap<>();
        Map<String, Instant> firstConnected = new HashMap<>();
        for (AuditEntry e : entries.findBySubjectsAndPrefix(people, "portal.search")) {
            searched.add(e.subjectPerson);
        }
        for (AuditEntry e : entries.findBySubjectsAndPrefix(people, "connection.")) {
            if (e.objectId == null) {
                continue;
            }
            attempted.add(e.subjectPerson);
            String status = value(e.detail, "status");
            String failure = value(e.detail, "failure");
            if ("connected".equals(status)) {
                connected.add(e.subjectPerson);
                firstConnected.putIfAbsent(e.objectId, e.at);
            }
            if (failure != null) {
                failures.computeIfAbsent(failure, k -> new HashSet<>()).add(e.objectId);
            }
            Latest before = latest.get(e.objectId);
            boolean failing = failure != null || "failed".equals(status) || "action_required".equals(status);
            Instant since = failing ? before != null && before.failingSince != null ? before.failingSince : e.at
                    : null;
            latest.put(e.objectId, new Latest(e.subjectPerson, status, since, failure, e.at));
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
        entries.findBySubjectsAndPrefix(people, "portal.search").forEach(e -> searched.add(e.subjectPerson));
        for (AuditEntry e : entries.findBySubjectsAndPrefix(people, "connection.")) {
            if (e.objectId != null) {
                attempted.add(e.subjectPerson);
                String status = value(e.detail, "status");
                String failure = value(e.detail, "failure");
                if ("connected".equals(status)) {
                    connected.add(e.subjectPerson);
                }
                if (failure != null) {
                    byFailure.computeIfAbsent(failure, k -> new HashSet<>()).add(e.subjectPerson);
                }
                latest.put(e.objectId, new Latest(e.subjectPerson, status, null, failure, e.at));
            }
        }
        Map<String, Set<UUID>> byStatus = new TreeMap<>();
        latest.values().stream().filter(l -> l.status != null)
                .forEach(l -> byStatus.computeIfAbsent(l.status, k -> new HashSet<>()).add(l.person));
        return new Behind(searched, attempted, connected, byFailure, byStatus);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** {@code key=value} out of a detail such as {@code status=failed failure=portal_unavailable}. */
    static String value(String detail, String key) {
        if (detail == null) {
            return null;
        }
        for (String part : List.of(detail.split(" "))) {
            if (part.startsWith(key + "=")) {
                String v = part.substring(key.length() + 1);
                return v.isEmpty() || "null".equals(v) ? null : v;
            }
        }
        return null;
    }

    /** Failures that lock the participant out of their portal until something is done. */
    static final Set<String> LOCKED_OUT = Set.of("account_locked", "too_many_attempts");
    /** The failure of a connection whose portal access ended: the participant must connect again. */
    static final String RECONNECT = "reconnect_required";

    private record Latest(UUID person, String status, Instant failingSince, String failure, Instant at) {
    }
}
