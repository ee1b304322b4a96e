package health.ferry.audit;

import health.ferry.accounts.AccessDenied;
import health.ferry.accounts.ActingSwitched;
import health.ferry.accounts.Actor;
import health.ferry.accounts.PersonChanged;
import health.ferry.accounts.SignedIn;
import health.ferry.accounts.SignedOut;
import health.ferry.connections.ConnectionChanged;
import health.ferry.records.RecordsDecided;
import health.ferry.connections.PortalSearched;
import health.ferry.review.CoordinatorAction;
import health.ferry.studies.EnrolmentChanged;
import health.ferry.sync.SyncFinished;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.oidc.SecurityEvent;
import io.quarkus.security.spi.runtime.AuthorizationFailureEvent;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * Writes the append-only audit trail by observing what the features announce. Entries carry ids, codes and
 * usernames, never names, health details or secrets. Denials are written in their own transaction, so the
 * failed request's rollback cannot erase them. Entries are chained and inserted as their transaction commits
 * ({@link AuditChain}).
 */
@ApplicationScoped
public class AuditTrail {
    @Inject
    AuditRepository entries;
    @Inject
    CurrentVertxRequest request;
    @Inject
    Clock clock;
    @Inject
    ConnectionEventRepository facts;
    @Inject
    AuditChain chain;

    void signedIn(@Observes SignedIn e) {
        write(entry(e.actor(), "account.created", "success"));
    }

    void signedOut(@Observes SignedOut e) {
        write(entry(e.actor(), "sign_out", "success"));
    }

    void oidc(@ObservesAsync SecurityEvent e) {
        String action = switch (e.getEventType()) {
            case OIDC_LOGIN -> "sign_in";
            default -> null;
        };
        if (action != null && e.getSecurityIdentity() != null) {
            AuditEntry entry = entry(null, action, "success");
            entry.actorUsername = e.getSecurityIdentity().getPrincipal().getName();
            write(entry);
        }
    }

    void personChanged(@Observes PersonChanged e) {
        AuditEntry entry = entry(e.actor(), "person." + e.change().name().toLowerCase(Locale.ROOT), "success");
        entry.subjectPerson = e.personId();
        entry.objectType = "person";
        entry.objectId = e.personId().toString();
        write(entry);
    }

    void actingSwitched(@Observes ActingSwitched e) {
        AuditEntry entry = entry(e.actor(), "acting_as.switch", "success");
        entry.subjectPerson = e.personId();
        write(entry);
    }

    void enrolment(@Observes EnrolmentChanged e) {
        AuditEntry entry = entry(e.actor(), "enrolment." + e.change().name().toLowerCase(Locale.ROOT), "success");
        entry.subjectPerson = e.personId();
        entry.objectType = "enrolment";
        entry.objectId = e.enrolmentId().toString();
        entry.studyId = e.studyId();
        entry.detail = "consent_version=" + e.consentVersion();
        write(entry);
    }

    void connection(@Observes ConnectionChanged e) {
        AuditEntry entry = entry(e.actor(), "connection." + e.action(), "success");
        if (e.actor() == null) {
            entry.actorRole = "system";
        }
        entry.subjectPerson = e.personId();
        entry.objectType = "connection";
        entry.objectId = e.connectionId().toString();
        entry.detail = "status=" + e.status() + (e.failureCode() == null ? "" : " failure=" + e.failureCode());
        write(entry, e.personId() == null ? null : ConnectionEvent.changed(e.personId(), e.connectionId(),
                e.status(), e.failureCode(), entry.at));
    }

    void syncRun(@Observes SyncFinished e) {
        AuditEntry entry = entry(null, "sync.run", e.failed() ? "failure" : "success");
        entry.actorRole = "system";
        entry.subjectPerson = e.personId();
        entry.objectType = "connection";
        entry.objectId = e.connectionId().toString();
        entry.detail = "run=" + e.runId() + " scheduled=" + e.scheduled() + " outcome=" + e.outcome()
                + (e.failed() ? " failure=" + e.failureCode() : "") + " new=" + e.newRecords() + " updated="
                + e.updatedRecords();
        write(entry);
    }

    void recordsDecided(@Observes RecordsDecided e) {
        AuditEntry entry = entry(e.actor(), "records.decide", "success");
        entry.subjectPerson = e.personId();
        entry.objectType = "records";
        entry.objectId = e.personId().toString();
        entry.detail = "accepted=" + e.accepted() + " deleted=" + e.deleted();
        write(entry);
    }

    void coordinator(@Observes CoordinatorAction e) {
        AuditEntry entry = entry(e.actor(), "coordinator." + e.action(), "success");
        entry.subjectPerson = e.personId();
        entry.objectType = e.objectType();
        entry.objectId = truncate(e.objectId(), 128);
        entry.studyId = e.studyId();
        entry.detail = e.detail();
        write(entry);
    }

    void portalSearched(@Observes PortalSearched e) {
        AuditEntry entry = entry(e.actor(), "portal.search", "success");
        entry.subjectPerson = e.personId();
        write(entry, e.personId() == null ? null : ConnectionEvent.searched(e.personId(), entry.at));
    }

    void denied(@Observes AccessDenied e) {
        AuditEntry entry = entry(e.actor(), "access.denied", "denied");
        entry.objectType = e.objectType();
        entry.objectId = truncate(e.objectId(), 128);
        entry.subjectPerson = e.subjectPerson();
        entry.studyId = e.studyId();
        writeSeparately(entry);
    }

    void forbidden(@ObservesAsync AuthorizationFailureEvent e) {
        AuditEntry entry = entry(null, "access.forbidden", "denied");
        if (e.getSecurityIdentity() != null && !e.getSecurityIdentity().isAnonymous()) {
            entry.actorUsername = e.getSecurityIdentity().getPrincipal().getName();
        }
        entry.objectType = "endpoint";
        Object method = e.getEventProperties().get(AuthorizationFailureEvent.SECURED_METHOD_KEY);
        entry.objectId = method == null ? e.getAuthorizationContext() : truncate(method.toString(), 128);
        writeSeparately(entry);
    }

    /** The latest entries about a person (their access log), newest first. */
    public List<AuditEntry> aboutPerson(UUID personId, int limit) {
        return entries.findBySubject(personId, limit);
    }

    /** Entries about these people whose action starts with {@code prefix}, oldest first. */
    public List<AuditEntry> aboutPeople(java.util.Collection<UUID> people, String prefix) {
        return entries.findBySubjectsAndPrefix(people, prefix);
    }

    /** The latest entries of one action, newest first. */
    public List<AuditEntry> byAction(String action, int limit) {
        return entries.findByAction(action, limit);
    }

    private AuditEntry entry(Actor actor, String action, String outcome) {
        AuditEntry entry = new AuditEntry(clock.instant(), action, outcome);
        if (actor != null) {
            entry.actorId = actor.accountId();
            entry.actorUsername = actor.username();
            entry.actorRole = actor.role();
        }
        RoutingContext rc = currentRequest();
        if (rc != null && rc.request().remoteAddress() != null) {
            entry.sourceIp = truncate(rc.request().remoteAddress().hostAddress(), 64);
        }
        return entry;
    }

    private RoutingContext currentRequest() {
        try {
            return request.getCurrent();
        } catch (RuntimeException notInRequest) {
            return null;
        }
    }

    private void write(AuditEntry entry) {
        QuarkusTransaction.joiningExisting().run(() -> chain.append(entry));
    }

    /** The entry, and the typed fact the funnel reads ({@link AuditedConnections}), in the same transaction. */
    private void write(AuditEntry entry, ConnectionEvent fact) {
        QuarkusTransaction.joiningExisting().run(() -> {
            chain.append(entry);
            if (fact != null) {
                facts.persist(fact);
            }
        });
    }

    private void writeSeparately(AuditEntry entry) {
        QuarkusTransaction.requiringNew().run(() -> chain.append(entry));
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
