package health.ferry.accounts;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Dev and demo only ({@code ferry.demo.enabled}): the demo people exist before anyone signs in, so alice finds
 * her ward Sam Carter at once. Their subjects are the built-in OIDC dev server's (the username). Idempotent.
 */
@ApplicationScoped
class DemoPeople {
    private static final Logger LOG = Logger.getLogger(DemoPeople.class);

    @Inject
    AccountRepository accounts;
    @Inject
    PersonRepository people;
    @Inject
    Clock clock;
    @ConfigProperty(name = "ferry.demo.enabled")
    boolean enabled;

    void seed(@Observes StartupEvent start) {
        if (enabled) {
            seedAll();
        }
    }

    @Transactional
    void seedAll() {
        Instant now = clock.instant();
        Account alice = ensure("alice", "Alice Carter", now);
        ensure("bob", "Bob Nguyen", now);
        ensure("casey", "Casey Morgan", now);
        ensure("dana", "Dana Lee", now);
        ensure("admin", "Ferry Admin", now);
        boolean hasSam = people.findActiveByAccount(alice.id).stream().anyMatch(p -> "Sam Carter".equals(
                p.displayName));
        if (!hasSam) {
            people.persist(Person.dependant(alice.id, new WardDetails("Sam Carter", LocalDate.of(2014, 5, 2),
                    Relationship.CHILD), now));
        }
        LOG.info("Demo people ready: alice (with ward Sam Carter), bob, casey, dana, admin");
    }

    private Account ensure(String username, String name, Instant now) {
        return accounts.findBySubject(username).orElseGet(() -> {
            Account a = new Account("demo", username, username, name, username + "@example.com", now);
            accounts.persist(a);
            people.persist(Person.self(a, now));
            return a;
        });
    }
}
