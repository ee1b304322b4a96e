package health.ferry.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Portal websites and FHIR base addresses by host and by registrable domain. A pasted address ranks portals on the
 * same host whose path it starts with first, then the rest on that host, then those on the same registrable domain.
 * A host or domain shared by more than {@link #BROAD} portals (a vendor's multi-tenant FHIR host, a hosting domain)
 * says nothing about which one is meant: there only a path match counts.
 */
final class WebsiteIndex {
    static final float SAME_PAGE = 3f;
    static final float SAME_HOST = 2f;
    static final float SAME_DOMAIN = 1f;
    /** More portals than this on one host or domain: matching it alone is no answer. */
    static final int BROAD = 20;

    private record Site(int portal, String path) {
    }

    private final Map<String, Site[]> byHost;
    private final Map<String, int[]> byDomain;

    private WebsiteIndex(Map<String, Site[]> byHost, Map<String, int[]> byDomain) {
        this.byHost = byHost;
        this.byDomain = byDomain;
    }

    int hostCount() {
        return byHost.size();
    }

    RankedPortals search(WebsiteAddress address) {
        Map<Integer, Float> onHost = new HashMap<>();
        Site[] sites = byHost.getOrDefault(address.host(), new Site[0]);
        boolean broadHost = portals(sites) > BROAD;
        for (Site site : sites) {
            boolean samePage = !site.path().isEmpty() && (address.path().equals(site.path())
                    || address.path().startsWith(site.path() + "/"));
            if (samePage || !broadHost) {
                onHost.merge(site.portal(), samePage ? SAME_PAGE : SAME_HOST, Math::max);
            }
        }
        String domain = address.registrableDomain();
        int[] inDomain = domain == null ? new int[0] : byDomain.getOrDefault(domain, new int[0]);
        if (inDomain.length > BROAD) {
            inDomain = new int[0];
        }
        RankedPortals.Builder ranked = new RankedPortals.Builder(onHost.size() + inDomain.length);
        onHost.forEach(ranked::add);
        for (int portal : inDomain) {
            if (!onHost.containsKey(portal)) {
                ranked.add(portal, SAME_DOMAIN);
            }
        }
        return ranked.build();
    }

    private static int portals(Site[] sites) {
        if (sites.length <= BROAD) {
            return sites.length;
        }
        return (int) java.util.Arrays.stream(sites).mapToInt(Site::portal).distinct().count();
    }

    /** Collects each portal's websites (lookup host and path). */
    static final class Builder {
        private final Map<String, List<Site>> hosts = new HashMap<>();
        private final Map<String, Set<Integer>> domains = new HashMap<>();

        Builder add(int portal, String host, String path) {
            hosts.computeIfAbsent(host, h -> new ArrayList<>(1)).add(new Site(portal, path == null ? "" : path));
            String domain = PublicSuffixes.registrableDomain(host);
            if (domain != null) {
                domains.computeIfAbsent(domain, d -> new LinkedHashSet<>(1)).add(portal);
            }
            return this;
        }

        WebsiteIndex build() {
            Map<String, Site[]> byHost = new HashMap<>(hosts.size() * 2);
            hosts.forEach((h, sites) -> byHost.put(h, sites.toArray(Site[]::new)));
            Map<String, int[]> byDomain = new HashMap<>(domains.size() * 2);
            domains.forEach((d, ps) -> byDomain.put(d, ps.stream().mapToInt(Integer::intValue).toArray()));
            return new WebsiteIndex(byHost, byDomain);
        }
    }
}
