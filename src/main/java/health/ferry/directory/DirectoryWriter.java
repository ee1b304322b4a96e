package health.ferry.directory;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes an import batch: what is found by its key is updated in place, the rest is created. Chunks of
 * {@value #CHUNK} records commit on their own, so a list of 100,000 never makes one huge transaction; running the
 * same import again changes nothing.
 */
@ApplicationScoped
class DirectoryWriter {
    static final int CHUNK = 500;

    @Inject
    OrganisationRepository organisations;
    @Inject
    FhirEndpointRepository endpoints;
    @Inject
    PortalRepository portals;
    @Inject
    Clock clock;

    /** Counts one kind's records as they are written. */
    private static final class Tally {
        int created;
        int updated;
        int unchanged;

        void count(boolean isNew, boolean changed) {
            if (isNew) {
                created++;
            } else if (changed) {
                updated++;
            } else {
                unchanged++;
            }
        }

        ImportReport.Counts counts() {
            return new ImportReport.Counts(created, updated, unchanged);
        }
    }

    ImportReport write(String source, ImportBatch batch) {
        Map<String, UUID> orgIds = new HashMap<>();
        Map<String, UUID> endpointIds = new HashMap<>();
        Map<String, UUID> requested = QuarkusTransaction.requiringNew().call(this::requestedByWebsite);
        var orgs = inChunks(batch.organisations(), chunk -> writeOrganisations(chunk, orgIds));
        var eps = inChunks(batch.endpoints(), chunk -> writeEndpoints(chunk, orgIds, endpointIds));
        var ps = inChunks(batch.portals(), chunk -> writePortals(chunk, orgIds, endpointIds, requested));
        return ImportReport.of(source, ps, orgs, eps, batch.skipped(), batch.problems());
    }

    private static <T> ImportReport.Counts inChunks(Collection<T> drafts, Function<List<T>, Tally> write) {
        List<T> all = new ArrayList<>(drafts);
        ImportReport.Counts total = ImportReport.Counts.NONE;
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<T> chunk = all.subList(from, Math.min(all.size(), from + CHUNK));
            total = total.plus(QuarkusTransaction.requiringNew().call(() -> write.apply(chunk)).counts());
        }
        return total;
    }

    private Tally writeOrganisations(List<ImportBatch.OrganisationDraft> chunk, Map<String, UUID> ids) {
        Map<String, Organisation> found = organisations.findBySourceKeys(keys(chunk, d -> d.key())).stream()
                .collect(Collectors.toMap(o -> o.sourceKey, o -> o));
        Instant now = clock.instant();
        Tally tally = new Tally();
        for (ImportBatch.OrganisationDraft draft : chunk) {
            Organisation org = found.get(draft.key());
            boolean isNew = org == null;
            if (isNew) {
                org = new Organisation(draft.key(), now);
            }
            tally.count(isNew, org.apply(draft, now));
            if (isNew) {
                organisations.persist(org);
            }
            ids.put(draft.key(), org.id);
        }
        return tally;
    }

    private Tally writeEndpoints(List<ImportBatch.EndpointDraft> chunk, Map<String, UUID> orgIds,
            Map<String, UUID> ids) {
        Map<String, FhirEndpoint> found = endpoints.findByAddressKeys(keys(chunk, d -> d.key())).stream()
                .collect(Collectors.toMap(e -> e.addressKey, e -> e));
        Instant now = clock.instant();
        Tally tally = new Tally();
        for (ImportBatch.EndpointDraft draft : chunk) {
            FhirEndpoint endpoint = found.get(draft.key());
            boolean isNew = endpoint == null;
            if (isNew) {
                endpoint = new FhirEndpoint(draft.address(), now);
            }
            tally.count(isNew, endpoint.apply(draft, resolve(draft.organisationKeys(), orgIds), now));
            if (isNew) {
                endpoints.persist(endpoint);
            }
            ids.put(draft.key(), endpoint.id);
        }
        return tally;
    }

    private Tally writePortals(List<ImportBatch.PortalDraft> chunk, Map<String, UUID> orgIds,
            Map<String, UUID> endpointIds, Map<String, UUID> requested) {
        Map<String, Portal> found = portals.findBySourceKeys(keys(chunk, d -> d.key())).stream()
                .collect(Collectors.toMap(p -> p.sourceKey, p -> p));
        Instant now = clock.instant();
        Tally tally = new Tally();
        for (ImportBatch.PortalDraft draft : chunk) {
            Portal portal = found.get(draft.key());
            if (portal == null) {
                portal = adoptRequested(draft, requested);
            }
            boolean isNew = portal == null;
            if (isNew) {
                portal = Portal.listed(draft.key(), now);
            }
            tally.count(isNew, portal.apply(draft, resolve(draft.organisationKeys(), orgIds),
                    resolve(draft.endpointKeys(), endpointIds), now));
            if (isNew) {
                portals.persist(portal);
            }
        }
        return tally;
    }

    /** A portal a participant asked for that this list now publishes (same website) is taken over, not doubled. */
    private Portal adoptRequested(ImportBatch.PortalDraft draft, Map<String, UUID> requested) {
        for (WebsiteAddress site : draft.websites()) {
            UUID id = requested.remove(site.key());
            if (id != null) {
                return portals.findById(id);
            }
        }
        return null;
    }

    private Map<String, UUID> requestedByWebsite() {
        Map<String, UUID> byWebsite = new HashMap<>();
        for (Portal p : portals.findRequested()) {
            p.websites.forEach(w -> byWebsite.putIfAbsent(w.key(), p.id));
        }
        return byWebsite;
    }

    private static Set<UUID> resolve(Set<String> keys, Map<String, UUID> ids) {
        Set<UUID> resolved = new HashSet<>();
        keys.forEach(k -> {
            UUID id = ids.get(k);
            if (id != null) {
                resolved.add(id);
            }
        });
        return resolved;
    }

    private static <T> List<String> keys(List<T> chunk, Function<T, String> key) {
        return chunk.stream().map(key).toList();
    }
}
