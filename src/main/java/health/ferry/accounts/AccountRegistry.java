package health.ferry.accounts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Finds or creates the account behind a signed-in token, with its self person. */
@ApplicationScoped
class AccountRegistry {
    /** Name and email are refreshed from the token at most this often, so reads stay reads. */
    private static final Duration REFRESH_EVERY = Duration.ofMinutes(5);

    @Inject
    AccountRepository accounts;
    @Inject
    PersonRepository people;
    @Inject
    Event<SignedIn> signedIn;
    @Inject
    Clock clock;

    Account resolve(TokenIdentity token) {
        Account existing = accounts.findBySubject(token.subject()).orElse(null);
        Instant now = clock.instant();
        if (existing != null && existing.lastSignInAt.plus(REFRESH_EVERY).isAfter(now)) {
            return existing;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> upsert(token, now));
        } catch (PersistenceException raced) {
            // Two first requests at once: the other one created the account; read it.
            return accounts.findBySubject(token.subject()).orElseThrow(() -> raced);
        }
    }

    private Account upsert(TokenIdentity token, Instant now) {
        Account account = accounts.findBySubject(token.subject()).orElse(null);
        if (account != null) {
            account.refreshFromToken(token.username(), token.displayName(), token.email(), now);
            return account;
        }
        account = new Account(token.issuer(), token.subject(), token.username(), token.displayName(), token.email(),
                now);
        accounts.persist(account);
        people.persist(Person.self(account, now));
        accounts.flush();
        signedIn.fire(new SignedIn(new Actor(account.id, account.username, token.primaryRole()), true));
        return account;
    }
}
