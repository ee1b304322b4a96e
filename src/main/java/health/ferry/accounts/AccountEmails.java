package health.ferry.accounts;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Optional;
import java.util.UUID;

/** Where to email about a person: the address (from the IdP) of the account that holds the person. */
@ApplicationScoped
public class AccountEmails {
    @Inject
    PersonRepository people;
    @Inject
    AccountRepository accounts;

    /** The owning account's email, when the person is active and the IdP gave one. */
    @Transactional
    public Optional<String> ownerEmail(UUID personId) {
        return people.findByIdOptional(personId).filter(p -> p.removedAt == null)
                .flatMap(p -> accounts.findByIdOptional(p.accountId)).map(Account::email)
                .filter(e -> e != null && !e.isBlank());
    }
}
