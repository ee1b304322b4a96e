package health.ferry.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The portal directory as participants and admins use it: search by organisation, doctor or website (answered
 * from the in-memory index, never the database), "my portal isn't listed" requests, and support decisions.
 */
@ApplicationScoped
public class PortalDirectory {
    @Inject
    DirectoryIndex index;
    @Inject
    DirectoryConfig config;
    @Inject
    PortalRequests requests;
    @Inject
    PortalRepository portals;
    @Inject
    FhirEndpointRepository endpoints;

    /** One page of results and how many there are in all. */
    public record PortalPage(List<PortalSummary> items, long total) {
    }

    /** A portal's id and support status: the answer to a request or an admin's decision. */
    public record PortalStatus(UUID portalId, String supportStatus) {
    }

    /** A requested portal awaiting a decision. */
    public record PendingPortal(UUID id, String name, String website, Instant requestedAt) {
    }

    /** What "my portal isn't listed" carries: its website, its name, or both. */
    public record PortalRequest(String website, String name) {
    }

    /** The portal a request led to, and whether it is new (its website or name was not listed before). */
    public record Requested(PortalStatus portal, boolean created) {
    }

    /**
     * Searches {@code by} organization, doctor or website. An empty query finds nothing; an unreadable website, an
     * unknown mode or a bad page is a validation error. Sizes above the maximum are capped.
     */
    public PortalPage search(String by, String query, Integer page, Integer size) {
        return page(index.current(), SearchRequest.of(by, query, page, size, config));
    }

    /** One page of a search against a snapshot (the benchmark calls this too). */
    static PortalPage page(DirectorySnapshot snapshot, SearchRequest request) {
        if (request.isEmpty()) {
            return new PortalPage(List.of(), 0);
        }
        RankedPortals ranked = switch (request.mode()) {
            case ORGANIZATION -> snapshot.byOrganisation(request.query());
            case DOCTOR -> snapshot.byDoctor(request.query());
            case WEBSITE -> snapshot.byWebsite(request.website());
        };
        long from = (long) request.page() * request.size();
        long to = Math.min(ranked.size(), from + request.size());
        List<PortalSummary> items = new ArrayList<>();
        for (long rank = from; rank < to; rank++) {
            items.add(snapshot.card(ranked.ordinal((int) rank)));
        }
        return new PortalPage(items, ranked.size());
    }

    /** What the connection wizard needs to connect to a portal, or empty when there is no such portal. */
    @Transactional
    public Optional<PortalConnection> connection(UUID portalId) {
        Portal portal = portalId == null ? null : portals.findById(portalId);
        if (portal == null) {
            return Optional.empty();
        }
        List<PortalConnection.Endpoint> servers = endpoints.findByIds(portal.endpointIds).stream()
                .map(e -> new PortalConnection.Endpoint(e.id, e.address, e.ehrVendor, e.fhirVersion, e.status,
                        e.authorizeUrl, e.tokenUrl)).toList();
        return Optional.of(new PortalConnection(portal.id, portal.name, portal.supportStatus.code(),
                portal.connectionMethod.code(), portal.websites.stream().map(w -> w.url).toList(), servers));
    }

    /** Portals participants asked for that await an admin's decision, oldest request first. */
    @Transactional
    public List<PendingPortal> pending(int limit) {
        return portals.findPending(limit).stream().map(p -> new PendingPortal(p.id, p.name,
                p.websites.isEmpty() ? null : p.websites.get(0).url, p.requestedAt)).toList();
    }

    /** A participant's "my portal isn't listed": the listed portal when there is one, else a new pending one. */
    public Requested request(PortalRequest request) {
        return requests.request(request);
    }

    /** An admin marks a portal supported or not supported; imports keep that decision afterwards. */
    public PortalStatus decideSupport(String portalId, String supportStatus) {
        return requests.decide(portalId, supportStatus);
    }
}
