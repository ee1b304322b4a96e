package health.ferry.accounts;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class PersonRepository implements PanacheRepositoryBase<Person, UUID> {
    /** The owner's people, self first, then by name; removed people are gone from view. */
    List<Person> findActiveByAccount(UUID accountId) {
        return list("accountId = ?1 and removedAt is null order by case when relationship = ?2 then 0 else 1 end,"
                + " displayName", accountId, Relationship.SELF);
    }

    Optional<Person> findActiveOwnedBy(UUID personId, UUID accountId) {
        return find("id = ?1 and accountId = ?2 and removedAt is null", personId, accountId).firstResultOptional();
    }

    /** The children and wards an account acts for now. */
    long countActiveDependants(UUID accountId) {
        return count("accountId = ?1 and relationship <> ?2 and removedAt is null", accountId, Relationship.SELF);
    }

    /** Children and wards the account added since then, removed or not. */
    long countDependantsAddedSince(UUID accountId, java.time.Instant since) {
        return count("accountId = ?1 and relationship <> ?2 and createdAt > ?3", accountId, Relationship.SELF, since);
    }

    Optional<java.time.Instant> firstDependantAddedSince(UUID accountId, java.time.Instant since) {
        return find("accountId = ?1 and relationship <> ?2 and createdAt > ?3 order by createdAt", accountId,
                Relationship.SELF, since).firstResultOptional().map(p -> p.createdAt);
    }

    /** The account a person belongs to, removed or not. */
    Optional<UUID> accountOf(UUID personId) {
        return findByIdOptional(personId).map(p -> p.accountId);
    }

    Optional<Person> findSelf(UUID accountId) {
        return find("accountId = ?1 and relationship = ?2", accountId, Relationship.SELF).firstResultOptional();
    }
}
