package health.ferry.directory;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
class PortalRepository implements PanacheRepositoryBase<Portal, UUID> {
    List<Portal> findBySourceKeys(Collection<String> keys) {
        return keys.isEmpty() ? List.of() : list("sourceKey in ?1", keys);
    }

    Optional<Portal> findBySourceKey(String key) {
        return find("sourceKey", key).firstResultOptional();
    }

    /** Portals with a website on this host, oldest first. */
    List<Portal> findByWebsiteHost(String host) {
        return list("select distinct p from Portal p join p.websites w where w.host = ?1 order by p.createdAt", host);
    }

    /** Portals served by this FHIR endpoint, oldest first. */
    List<Portal> findByEndpoint(UUID endpointId) {
        return list("select p from Portal p join p.endpointIds e where e = ?1 order by p.createdAt", endpointId);
    }

    /** Portals whose name has this key ({@link NameTokens#key}), oldest first. */
    List<Portal> findByNameKey(String nameKey) {
        return list("nameKey = ?1 order by createdAt", nameKey);
    }

    /** How many portals this account asked for since then (what "my portal isn't listed" created). */
    long countRequestedSince(UUID account, java.time.Instant since) {
        return count("requestedBy = ?1 and requestedAt > ?2", account, since);
    }

    /** When this account's first request since then was made (it stops counting a day later). */
    Optional<java.time.Instant> firstRequestedSince(UUID account, java.time.Instant since) {
        return find("requestedBy = ?1 and requestedAt > ?2 order by requestedAt", account, since).firstResultOptional()
                .map(p -> p.requestedAt);
    }

    /** Portals participants asked for that no published list has taken over yet. */
    List<Portal> findRequested() {
        return list("sourceKey is null and requestedAt is not null");
    }

    /** Portals awaiting a decision (participants' requests), oldest request first. */
    List<Portal> findPending(int limit) {
        return find("supportStatus = ?1 order by requestedAt, createdAt", SupportStatus.PENDING).page(0, limit).list();
    }
}
