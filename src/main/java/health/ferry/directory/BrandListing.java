package health.ferry.directory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Reference;

/**
 * Reads SMART App Launch user-access brands: an Organization's {@code organization-portal} extensions are its
 * portals (name, website, endpoints), and the organisations that are {@code partOf} it share them. An
 * Organization without portal extensions but with endpoints gets one portal under its own name.
 */
final class BrandListing {
    static final String PORTAL = "http://hl7.org/fhir/StructureDefinition/organization-portal";

    private final BundleLinks links;
    private final Map<BundleReader.Entry, ImportBatch.EndpointDraft> endpoints;
    private final Map<String, ImportBatch.EndpointDraft> endpointsByKey = new HashMap<>();
    private final OrganisationDrafts organisations;
    private final ImportBatch batch;
    private final Map<BundleReader.Entry, List<BundleReader.Entry>> children = new HashMap<>();
    private final Set<BundleReader.Entry> claimed = new HashSet<>();

    BrandListing(BundleLinks links, Map<BundleReader.Entry, ImportBatch.EndpointDraft> endpoints,
            OrganisationDrafts organisations, ImportBatch batch) {
        this.links = links;
        this.endpoints = endpoints;
        this.organisations = organisations;
        this.batch = batch;
        endpoints.values().forEach(d -> endpointsByKey.put(d.key(), d));
        for (BundleReader.Entry e : links.entries()) {
            if (e.resource() instanceof Organization o && o.hasPartOf()) {
                BundleReader.Entry parent = links.resolve(o.getPartOf());
                if (parent != null && parent != e) {
                    children.computeIfAbsent(parent, p -> new ArrayList<>()).add(e);
                }
            }
        }
    }

    /** Adds the brands' portals to the batch and answers the endpoint entries they claimed. */
    Set<BundleReader.Entry> map() {
        for (BundleReader.Entry e : links.entries()) {
            if (e.resource() instanceof Organization org) {
                if (!org.getExtensionsByUrl(PORTAL).isEmpty()) {
                    for (Extension portal : org.getExtensionsByUrl(PORTAL)) {
                        portal(e, org, portal);
                    }
                } else if (org.hasEndpoint()) {
                    listedOrganisation(e, org);
                } else if (!coveredByAncestor(e)) {
                    batch.skip(e.label(), "The organization has no portal or FHIR endpoint in this bundle.");
                }
            }
        }
        return claimed;
    }

    private void portal(BundleReader.Entry entry, Organization org, Extension portal) {
        String name = text(portal, "portalName");
        name = name != null ? name : org.getName();
        String label = entry.label() + " portal " + (name == null ? "(unnamed)" : "'" + name + "'");
        List<Reference> refs = portal.getExtensionsByUrl("portalEndpoint").stream()
                .filter(x -> x.getValue() instanceof Reference).map(x -> (Reference) x.getValue()).toList();
        Set<String> endpointKeys = endpointKeys(refs.isEmpty() ? org.getEndpoint() : refs, label);
        if (endpointKeys.isEmpty()) {
            batch.skip(label, "The portal has no usable FHIR endpoint in this bundle.");
            return;
        }
        String orgKey = name == null ? null : organisations.add(BundleLinks.keyOf(entry), org, null);
        if (orgKey == null) {
            batch.skip(label, "The portal has no name, or its organization has no name or id.");
            return;
        }
        Map<String, WebsiteAddress> sites = new LinkedHashMap<>();
        String url = text(portal, "portalUrl");
        WebsiteAddress.Parsed parsed = url == null ? null : WebsiteAddress.parse(url);
        if (parsed != null && parsed.ok()) {
            sites.put(parsed.address().key(), parsed.address());
        } else if (url != null) {
            batch.warn(label, "The portal website '" + OrganisationDrafts.cap(url, 100) + "' is not a web address.");
        }
        String key = parsed != null && parsed.ok() ? "portal:" + parsed.address().key()
                : orgKey + "#portal:" + NameTokens.key(name);
        add(BundleLinks.bounded(key), OrganisationDrafts.cap(name, 300), entry, sites, endpointKeys);
    }

    private void listedOrganisation(BundleReader.Entry entry, Organization org) {
        Set<String> endpointKeys = endpointKeys(org.getEndpoint(), entry.label());
        String orgKey = endpointKeys.isEmpty() ? null : organisations.add(BundleLinks.keyOf(entry), org, null);
        if (orgKey == null) {
            batch.skip(entry.label(), endpointKeys.isEmpty() ? "The organization has no usable FHIR endpoint."
                    : "The organization has no name or id.");
            return;
        }
        add(BundleLinks.bounded(orgKey + "#endpoints"), org.getName(), entry, new LinkedHashMap<>(), endpointKeys);
    }

    /** The portal of an organisation and those part of it (without portals of their own), with their websites. */
    private void add(String key, String name, BundleReader.Entry owner, Map<String, WebsiteAddress> sites,
            Set<String> endpointKeys) {
        Set<String> orgKeys = new LinkedHashSet<>();
        boolean active = true;
        for (BundleReader.Entry e : family(owner)) {
            Organization o = (Organization) e.resource();
            String k = organisations.add(BundleLinks.keyOf(e), o, null);
            if (k != null) {
                orgKeys.add(k);
                OrganisationDrafts.websites(o).forEach(w -> sites.putIfAbsent(w.key(), w));
            }
            active &= e != owner || !o.hasActive() || o.getActive();
        }
        List<ImportBatch.EndpointDraft> drafts = endpointKeys.stream().map(endpointsByKey::get).toList();
        boolean anyActive = drafts.stream().anyMatch(d -> "active".equals(d.status()));
        String vendor = drafts.stream().map(ImportBatch.EndpointDraft::vendor).filter(v -> v != null).findFirst()
                .orElse(null);
        batch.portal(new ImportBatch.PortalDraft(key, name, List.copyOf(sites.values()), vendor, active && anyActive,
                endpointKeys, orgKeys));
        for (ImportBatch.EndpointDraft d : drafts) {
            batch.endpoint(new ImportBatch.EndpointDraft(d.key(), d.address(), d.name(), d.vendor(), d.fhirVersion(),
                    d.status(), d.authorizeUrl(), d.tokenUrl(), orgKeys));
        }
    }

    private Set<String> endpointKeys(List<Reference> refs, String label) {
        Set<String> keys = new LinkedHashSet<>();
        for (Reference ref : refs) {
            BundleReader.Entry target = links.resolve(ref);
            ImportBatch.EndpointDraft draft = target == null ? null : endpoints.get(target);
            if (draft == null) {
                batch.warn(label, "The endpoint " + OrganisationDrafts.cap(ref.getReference(), 200)
                        + " is not a usable Endpoint in this bundle.");
            } else {
                keys.add(draft.key());
                claimed.add(target);
            }
        }
        return keys;
    }

    /** The organisation and, transitively, those part of it that have no portals of their own. */
    private List<BundleReader.Entry> family(BundleReader.Entry owner) {
        List<BundleReader.Entry> family = new ArrayList<>();
        Set<BundleReader.Entry> seen = new HashSet<>();
        Deque<BundleReader.Entry> todo = new ArrayDeque<>(List.of(owner));
        while (!todo.isEmpty()) {
            BundleReader.Entry e = todo.pop();
            if (seen.add(e)) {
                family.add(e);
                children.getOrDefault(e, List.of()).stream().filter(c -> !hasPortals(c)).forEach(todo::add);
            }
        }
        return family;
    }

    private boolean coveredByAncestor(BundleReader.Entry entry) {
        Set<BundleReader.Entry> seen = new HashSet<>();
        Organization o = (Organization) entry.resource();
        BundleReader.Entry parent = links.resolve(o.getPartOf());
        while (parent != null && seen.add(parent) && parent.resource() instanceof Organization p) {
            if (hasPortals(parent)) {
                return true;
            }
            parent = links.resolve(p.getPartOf());
        }
        return false;
    }

    private static boolean hasPortals(BundleReader.Entry e) {
        Organization o = (Organization) e.resource();
        return !o.getExtensionsByUrl(PORTAL).isEmpty() || o.hasEndpoint();
    }

    private static String text(Extension parent, String url) {
        Extension e = parent.getExtensionByUrl(url);
        String value = e == null || e.getValue() == null ? null : e.getValue().primitiveValue();
        return value == null || value.isBlank() ? null : value.strip();
    }
}
