package health.ferry.connections;

import health.ferry.accounts.People;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts genuine credential failures (a password or a one-time code the portal refused) per owner account, portal
 * and portal username in the database (so every instance agrees, and a person's wards do not multiply the limit):
 * after the limit within the window, Ferry stops calling the portal for that sign-in until the window has passed.
 * Steps that wait for the participant (a two-factor prompt, terms, a profile choice, a password change) are no
 * failures, and a successful sign-in starts the count again.
 */
@ApplicationScoped
class AttemptLimiter {
    /** Outcomes that are a refused secret: a wrong password, or a wrong one-time code. */
    static final String WRONG_CODE = "wrong_code";
    private static final Set<String> FAILURES = Set.of(ConnectionFailure.CREDENTIAL_ERROR.code(), WRONG_CODE);

    @ConfigProperty(name = "ferry.connections.max-failed-attempts", defaultValue = "5")
    int maxFailures;
    @ConfigProperty(name = "ferry.connections.attempt-window", defaultValue = "PT15M")
    Duration window;
    @Inject
    Clock clock;
    @Inject
    People people;

    /** Whose sign-in it is: the account acting, the portal, and the username (kept only as a hash). */
    record Key(UUID accountId, UUID portalId, String usernameKey) {
        @Override
        public String toString() {
            return "Key[" + accountId + ", " + portalId + "]";
        }
    }

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
        @Column(name = "account_id")
        UUID accountId;
        @Column(name = "username_key")
        String usernameKey;
        @Column(name = "connection_id")
        UUID connectionId;
        Instant at;
        String outcome;
        @Column(name = "retry_at")
        Instant retryAt;
    }

    /** The key of a sign-in by this person's account at this portal with this username. */
    Key key(UUID personId, UUID portalId, String username) {
        UUID account = QuarkusTransaction.requiringNew().call(() -> people.accountOf(personId).orElse(personId));
        return new Key(account, portalId, usernameKey(portalId, username));
    }

    /** When Ferry may call the portal again for this sign-in, or empty when it may now. */
    Optional<Instant> coolingDownUntil(Key key) {
        Instant now = clock.instant();
        List<Attempt> recent = QuarkusTransaction.requiringNew().call(() -> Attempt.<Attempt>list(
                "accountId = ?1 and portalId = ?2 and usernameKey = ?3 and at > ?4 order by at desc", key.accountId(),
                key.portalId(), key.usernameKey(), now.minus(window)));
        int failures = 0;
        for (Attempt a : recent) {
            if ("connected".equals(a.outcome)) {
                break; // counted since the last success only
            }
            if (FAILURES.contains(a.outcome) && ++failures == maxFailures) {
                return Optional.of(a.at.plus(window)); // the oldest of the last N leaves the window then
            }
        }
        return Optional.empty();
    }

    /** Records what the portal answered; only refused secrets ({@link #FAILURES}) and successes affect the count. */
    void record(Key key, UUID personId, UUID connectionId, String outcome) {
        insert(key, personId, connectionId, outcome, null);
    }

    /** Records that a connection was held back until {@code until}, so its page can say when it may try again. */
    void recordCoolDown(Key key, UUID personId, UUID connectionId, Instant until) {
        insert(key, personId, connectionId, ConnectionFailure.TOO_MANY_ATTEMPTS.code(), until);
    }

    /** When the connection's latest cool-down ends, if it was held back. */
    Optional<Instant> retryAt(UUID connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> Attempt.<Attempt>find(
                "connectionId = ?1 and retryAt is not null order by at desc", connectionId).firstResultOptional()
                .map(a -> a.retryAt));
    }

    /** The outcomes of the connection's latest {@code n} attempts, newest first. */
    List<String> latestOutcomes(UUID connectionId, int n) {
        return QuarkusTransaction.requiringNew().call(() -> Attempt.<Attempt>find(
                "connectionId = ?1 order by at desc", connectionId).page(0, n).list().stream().map(a -> a.outcome)
                .toList());
    }

    private void insert(Key key, UUID personId, UUID connectionId, String outcome, Instant retryAt) {
        QuarkusTransaction.requiringNew().run(() -> {
            Attempt a = new Attempt();
            a.id = UUID.randomUUID();
            a.personId = personId;
            a.portalId = key.portalId();
            a.accountId = key.accountId();
            a.usernameKey = key.usernameKey();
            a.connectionId = connectionId;
            a.at = clock.instant();
            a.outcome = outcome;
            a.retryAt = retryAt;
            a.persist();
        });
    }

    static String usernameKey(UUID portalId, String username) {
        String normal = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest((portalId + "\n" + normal).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
