package health.ferry.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class OrganisationRepository implements PanacheRepositoryBase<Organisation, UUID> {
    List<Organisation> findBySourceKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : list("sourceKey in ?1", keys);
    }

    Optional<Organisation> findBySourceKey(String key) {
        return find("sourceKey", key).firstResultOptional();
    }

    /** For the search index: id and name of every organisation that has a portal. */
    List<Object[]> indexRows() {
        return getEntityManager().createQuery("select o.id, o.name from Organisation o where exists (select 1 from"
                + " Portal p join p.organisationIds po where po = o.id)", Object[].class).getResultList();
    }

    /** For the search index: organisation id and alias. */
    List<Object[]> aliasRows() {
        return getEntityManager().createQuery("select o.id, a from Organisation o join o.aliases a", Object[].class)
                .getResultList();
    }

    Object[] fingerprint() {
        return getEntityManager().createQuery("select count(o), max(o.updatedAt) from Organisation o", Object[].class)
                .getSingleResult();
    }
}
