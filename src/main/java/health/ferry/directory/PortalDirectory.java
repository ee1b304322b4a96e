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
    @Inject
    health.ferry.accounts.CurrentAccount current;

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
        return page(index.current(), SearchRequest.of(by, query, page, size, config), viewer());
    }

    /** One page of a search against a snapshot, as anyone sees it (the benchmark calls this too). */
    static PortalPage page(DirectorySnapshot snapshot, SearchRequest request) {
        return page(snapshot, request, null);
    }

    /**
     * One page of a search against a snapshot as {@code viewer} sees it: a participant's request that no admin has
     * decided on is found by its requester only, so nobody can put a card in front of everybody else.
     */
    static PortalPage page(DirectorySnapshot snapshot, SearchRequest request, UUID viewer) {
        if (request.isEmpty()) {
            return new PortalPage(List.of(), 0);
        }
        RankedPortals ranked = switch (request.mode()) {
            case ORGANIZATION -> snapshot.byOrganisation(request.query());
            case DOCTOR -> snapshot.byDoctor(request.query());
            case WEBSITE -> snapshot.byWebsite(request.website());
        };
        long from = (long) request.page() * request.size();
        List<PortalSummary> items = new ArrayList<>();
        if (!snapshot.anyPrivate()) {
            long to = Math.min(ranked.size(), from + request.size());
            for (long rank = from; rank < to; rank++) {
                items.add(snapshot.card(ranked.ordinal((int) rank)));
            }
            return new PortalPage(items, ranked.size());
        }
        long visible = 0;
        for (int rank = 0; rank < ranked.size(); rank++) {
            int ordinal = ranked.ordinal(rank);
            if (!snapshot.visibleTo(ordinal, viewer)) {
                continue;
            }
            if (visible >= from && items.size() < request.size()) {
                items.add(snapshot.card(ordinal));
            }
            visible++;
        }
        return new PortalPage(items, visible);
    }

    /** What the connection wizard needs to connect to a portal, or empty when there is no such portal. */
    @Transactional
    public Optional<PortalConnection> connection(UUID portalId) {
        Portal portal = portalId == null ? null : portals.findById(portalId);
        return portal == null ? Optional.empty() : Optional.of(connection(portal));
    }

    /**
     * As {@link #connection(UUID)}, for a portal the signed-in account chose: empty for another participant's request
     * that no admin has decided on (as if it did not exist), so its name and website reach nobody but its requester.
     */
    @Transactional
    public Optional<PortalConnection> visibleConnection(UUID portalId) {
        Portal portal = portalId == null ? null : portals.findById(portalId);
        return portal == null || !portal.visibleTo(viewer()) ? Optional.empty() : Optional.of(connection(portal));
    }

    /**
     * The portals whose FHIR server is at this base URL (compared as imports do: case and trailing slashes aside),
     * oldest first; Ferry's registration at the server is looked up through them (connections.smart).
     */
    @Transactional
    public List<PortalConnection> connectionsAt(String fhirBase) {
        if (fhirBase == null || fhirBase.isBlank()) {
            return List.of();
        }
        return endpoints.findByAddressKeys(List.of(FhirEndpoint.keyOf(fhirBase))).stream()
                .flatMap(e -> portals.findByEndpoint(e.id).stream()).distinct().map(this::connection).toList();
    }

    private PortalConnection connection(Portal portal) {
        List<PortalConnection.Endpoint> servers = endpoints.findByIds(portal.endpointIds).stream()
                .map(e -> new PortalConnection.Endpoint(e.id, e.address, e.ehrVendor, e.fhirVersion, e.status,
                        e.authorizeUrl, e.tokenUrl)).toList();
        return new PortalConnection(portal.id, portal.name, portal.supportStatus.code(),
                portal.connectionMethod.code(), portal.websites.stream().map(w -> w.url).toList(), servers);
    }

    /** The signed-in account, or null outside a request (a background task sees listed portals only). */
    private UUID viewer() {
        return current.isSignedIn() ? current.account().id() : null;
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
