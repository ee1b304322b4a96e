package health.ferry.accounts;

import health.ferry.outcome.OutcomeException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;

/**
 * The signed-in account for this request and the people it may act for. The one place that answers "may this
 * account act for that person?": anything else is 404 and an audit event.
 */
@RequestScoped
public class CurrentAccount {
    @Inject
    SecurityIdentity identity;
    @Inject
    AccountRegistry registry;
    @Inject
    PersonRepository people;
    @Inject
    Event<AccessDenied> denied;

    private Account account;
    private TokenIdentity token;

    public boolean isSignedIn() {
        return !identity.isAnonymous();
    }

    public AccountView account() {
        Account a = entity();
        return new AccountView(a.id, a.username, a.displayName, identity.getRoles());
    }

    public Actor actor() {
        Account a = entity();
        return new Actor(a.id, a.username, token.primaryRole());
    }

    /** The people this account acts for, self first. */
    public List<PersonView> people() {
        return people.findActiveByAccount(entity().id).stream().map(Person::view).toList();
    }

    /** The person with this id if this account acts for them; otherwise 404 and an audit event. */
    public PersonView person(UUID personId) {
        return owned(personId).view();
    }

    /** Like {@link #person(UUID)} for an id taken from a path or form: a malformed id is simply not found. */
    public PersonView person(String personId) {
        return person(parse(personId));
    }

    /** Whether this account acts for that person (no audit: callers deny with {@link #denied}). */
    public boolean actsFor(UUID personId) {
        return personId != null && people.findActiveOwnedBy(personId, entity().id).isPresent();
    }

    public PersonView self() {
        return people.findSelf(entity().id).map(Person::view).orElseThrow(OutcomeException::notFound);
    }

    Person owned(UUID personId) {
        Account a = entity();
        if (personId == null) {
            throw denied("person", "-", null);
        }
        return people.findActiveOwnedBy(personId, a.id).orElseThrow(() -> denied("person", personId.toString(), null));
    }

    /** Records a denied access to an object and answers the 404 to throw. */
    public OutcomeException denied(String objectType, String objectId, String studyId) {
        denied.fire(new AccessDenied(isSignedIn() ? actor() : null, objectType, objectId, null, studyId));
        return OutcomeException.notFound();
    }

    /** An id taken from a path, form or body; a malformed one is simply not found (null), never an error. */
    public static UUID parse(String id) {
        try {
            return id == null ? null : UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Account entity() {
        if (account == null) {
            if (identity.isAnonymous()) {
                throw new IllegalStateException("No signed-in user in this request");
            }
            token = TokenIdentity.of(identity);
            account = registry.resolve(token);
        }
        return account;
    }
}
