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

    Optional<Person> findSelf(UUID accountId) {
        return find("accountId = ?1 and relationship = ?2", accountId, Relationship.SELF).firstResultOptional();
    }
}
