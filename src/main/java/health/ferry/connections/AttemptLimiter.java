package health.ferry.connections;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed credential attempts per person and portal in the database (so every instance agrees): after the
 * limit within the window, Ferry stops calling the portal until the window has passed.
 */
@ApplicationScoped
class AttemptLimiter {
    @ConfigProperty(name = "ferry.connections.max-failed-attempts", defaultValue = "5")
    int maxFailures;
    @ConfigProperty(name = "ferry.connections.attempt-window", defaultValue = "PT15M")
    Duration window;
    @Inject
    Clock clock;

    /** One attempt's outcome. */
    @Entity
    @Table(name = "connection_attempt")
    static class Attempt extends PanacheEntityBase {
        @Id
        UUID id;
        @Column(name = "person_id")
        UUID personId;
        @Column(name = "portal_id")
        UUID portalId;
        Instant at;
        String outcome;
    }

    @jakarta.transaction.Transactional
    boolean coolingDown(UUID personId, UUID portalId) {
        Instant since = clock.instant().minus(window);
        return Attempt.count("personId = ?1 and portalId = ?2 and at > ?3 and outcome not in ('connected', 'portal_unavailable')", personId,
                portalId, since) >= maxFailures;
    }

    void record(UUID personId, UUID portalId, String outcome) {
        QuarkusTransaction.requiringNew().run(() -> {
            Attempt a = new Attempt();
            a.id = UUID.randomUUID();
            a.personId = personId;
            a.portalId = portalId;
            a.at = clock.instant();
            a.outcome = outcome;
            a.persist();
        });
    }
}
