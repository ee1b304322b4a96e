package health.ferry.directory;

import ca.uhn.fhir.context.FhirContext;
import java.io.InputStream;
import health.ferry.outbound.OutboundPolicy;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What one published list says, before it is written: organisations, FHIR endpoints and portals, each under the
 * key that finds it again on the next import, plus the entries that were skipped and why.
 */
final class ImportBatch {
    static final int MAX_PROBLEMS = 500;
    private static final Pattern ENTRY_INDEX = Pattern.compile("^entry\\[(\\d{1,9})]");

    record OrganisationDraft(String key, String name, OrganisationKind kind, String city, String state,
            List<String> aliases) {
    }

    record EndpointDraft(String key, String address, String name, String vendor, String fhirVersion, String status,
            String authorizeUrl, String tokenUrl, Set<String> organisationKeys) {
    }

    record PortalDraft(String key, String name, List<WebsiteAddress> websites, String vendor, boolean active,
            Set<String> endpointKeys, Set<String> organisationKeys, ConnectionMethod method) {

        /** A portal of a published list: Ferry connects to it with SMART against its endpoints. */
        PortalDraft(String key, String name, List<WebsiteAddress> websites, String vendor, boolean active,
                Set<String> endpointKeys, Set<String> organisationKeys) {
            this(key, name, websites, vendor, active, endpointKeys, organisationKeys, ConnectionMethod.SMART);
        }
    }

    private final Map<String, OrganisationDraft> organisations = new LinkedHashMap<>();
    private final Map<String, EndpointDraft> endpoints = new LinkedHashMap<>();
    private final Map<String, PortalDraft> portals = new LinkedHashMap<>();
    private final List<ImportReport.Problem> problems = new ArrayList<>();
    private int skipped;

    /**
     * Reads a published list: a FHIR R4 Bundle of Endpoints (with their Organizations, contained or not) and/or
     * SMART user-access brands. Entries that cannot be used are recorded as skipped.
     */
    static ImportBatch read(InputStream in, FhirContext fhir, String vendorHint) throws BundleReader.Unreadable {
        return read(in, fhir, vendorHint, OutboundPolicy.allowing());
    }

    /** As above; {@code outbound} refuses endpoints whose addresses Ferry may not reach (skipped with the reason). */
    static ImportBatch read(InputStream in, FhirContext fhir, String vendorHint, OutboundPolicy outbound)
            throws BundleReader.Unreadable {
        ImportBatch batch = new ImportBatch();
        BundleLinks links = new BundleLinks(BundleReader.read(in, fhir, batch));
        OrganisationDrafts organisations = new OrganisationDrafts(batch);
        var endpoints = EndpointListing.endpoints(links, vendorHint, organisations, batch, outbound);
        Set<BundleReader.Entry> claimed = new BrandListing(links, endpoints, organisations, batch).map();
        EndpointListing.portals(endpoints, claimed, links, organisations, batch);
        return batch;
    }

    void organisation(OrganisationDraft draft) {
        organisations.put(draft.key(), draft);
    }

    /** The same server listed twice (one per organisation, as Epic does) becomes one endpoint for all of them. */
    void endpoint(EndpointDraft draft) {
        EndpointDraft before = endpoints.get(draft.key());
        if (before != null) {
            Set<String> orgs = new LinkedHashSet<>(before.organisationKeys());
            orgs.addAll(draft.organisationKeys());
            draft = new EndpointDraft(draft.key(), before.address(), before.name(), draft.vendor(),
                    draft.fhirVersion(), draft.status(), draft.authorizeUrl(), draft.tokenUrl(), orgs);
        }
        endpoints.put(draft.key(), draft);
    }

    /** A portal listed by several brands becomes one portal of all their organisations. */
    void portal(PortalDraft draft) {
        PortalDraft before = portals.get(draft.key());
        if (before != null) {
            Set<String> orgs = new LinkedHashSet<>(before.organisationKeys());
            orgs.addAll(draft.organisationKeys());
            Set<String> eps = new LinkedHashSet<>(before.endpointKeys());
            eps.addAll(draft.endpointKeys());
            List<WebsiteAddress> sites = new ArrayList<>(before.websites());
            draft.websites().stream().filter(w -> sites.stream().noneMatch(s -> s.key().equals(w.key())))
                    .forEach(sites::add);
            draft = new PortalDraft(draft.key(), before.name(), sites, before.vendor(),
                    before.active() || draft.active(), eps, orgs, before.method());
        }
        portals.put(draft.key(), draft);
    }

    /** Records an entry that was not imported (the first {@value #MAX_PROBLEMS} are kept with their reason). */
    void skip(String entry, String reason) {
        skipped++;
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ImportReport.Problem(entry, reason));
        }
    }

    /** Records a problem with an entry that was still imported. */
    void warn(String entry, String reason) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(new ImportReport.Problem(entry, reason));
        }
    }

    boolean hasEndpoint(String key) {
        return endpoints.containsKey(key);
    }

    Collection<OrganisationDraft> organisations() {
        return organisations.values();
    }

    Collection<EndpointDraft> endpoints() {
        return endpoints.values();
    }

    Collection<PortalDraft> portals() {
        return portals.values();
    }

    /** The problems in the order of the entries they are about. */
    List<ImportReport.Problem> problems() {
        List<ImportReport.Problem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(p -> entryIndex(p.entry())));
        return sorted;
    }

    private static int entryIndex(String label) {
        Matcher m = ENTRY_INDEX.matcher(label);
        return m.find() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }

    int skipped() {
        return skipped;
    }
}
