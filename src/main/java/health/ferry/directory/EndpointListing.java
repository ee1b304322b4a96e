package health.ferry.directory;

import health.ferry.outbound.OutboundPolicy;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Endpoint;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.Organization;

/**
 * Reads the Endpoint resources of a vendor's list (a Bundle of Endpoints, each naming its organisation, as Epic
 * and Oracle publish): every usable endpoint becomes an endpoint draft, and each one no brand's portal claims
 * becomes a portal of its own, named after its organisation.
 */
final class EndpointListing {
    static final String FHIR_VERSION = "http://hl7.org/fhir/StructureDefinition/endpoint-fhir-version";
    static final String OAUTH_URIS = "http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris";

    private EndpointListing() {
    }

    /** The usable endpoints by entry; the others are skipped with their reason. */
    static Map<BundleReader.Entry, ImportBatch.EndpointDraft> endpoints(BundleLinks links, String vendorHint,
            OrganisationDrafts organisations, ImportBatch batch, OutboundPolicy outbound) {
        Map<BundleReader.Entry, ImportBatch.EndpointDraft> usable = new LinkedHashMap<>();
        for (BundleReader.Entry entry : links.entries()) {
            if (entry.resource() instanceof Endpoint ep) {
                String problem = problem(ep);
                if (problem == null) {
                    problem = unreachable(ep, outbound);
                }
                if (problem != null) {
                    batch.skip(entry.label(), problem);
                    continue;
                }
                Set<String> orgs = new LinkedHashSet<>();
                String orgKey = managingOrganisation(entry, ep, links, organisations);
                if (orgKey != null) {
                    orgs.add(orgKey);
                }
                ImportBatch.EndpointDraft draft = draft(ep, vendorHint, orgs);
                batch.endpoint(draft);
                usable.put(entry, draft);
            }
        }
        return usable;
    }

    /** A portal for each usable endpoint that no brand's portal claimed. */
    static void portals(Map<BundleReader.Entry, ImportBatch.EndpointDraft> endpoints, Set<BundleReader.Entry> claimed,
            BundleLinks links, OrganisationDrafts organisations, ImportBatch batch) {
        endpoints.forEach((entry, draft) -> {
            if (claimed.contains(entry)) {
                return;
            }
            Endpoint ep = (Endpoint) entry.resource();
            String orgKey = managingOrganisation(entry, ep, links, organisations);
            Organization org = orgKey == null ? null : managing(ep, links);
            String name = org != null && org.hasName() ? org.getName() : ep.getName();
            String key = BundleLinks.keyOf(entry);
            if (name == null || name.isBlank() || key == null) {
                batch.skip(entry.label(), "The endpoint has no name, organization or id to list it under.");
                return;
            }
            batch.portal(new ImportBatch.PortalDraft(BundleLinks.bounded("endpoint:" + key),
                    OrganisationDrafts.cap(name, 300), List.of(), draft.vendor(), "active".equals(draft.status()),
                    Set.of(draft.key()), orgKey == null ? Set.of() : Set.of(orgKey)));
        });
    }

    /** Why an endpoint cannot be used, or null. */
    private static String problem(Endpoint ep) {
        if (ep.hasConnectionType() && ep.getConnectionType().hasCode()
                && !"hl7-fhir-rest".equals(ep.getConnectionType().getCode())) {
            return "Not a FHIR REST endpoint (connectionType " + ep.getConnectionType().getCode() + ").";
        }
        if (ep.getStatus() == Endpoint.EndpointStatus.ENTEREDINERROR) {
            return "The endpoint is marked entered-in-error.";
        }
        String address = ep.getAddress();
        if (address == null || address.isBlank()) {
            return "The endpoint has no address.";
        }
        if (address.length() > 1000) {
            return "The endpoint address is too long.";
        }
        try {
            URI uri = URI.create(address.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
            if (!(scheme.equals("https") || scheme.equals("http")) || uri.getHost() == null) {
                return "The endpoint address is not an http(s) URL.";
            }
        } catch (IllegalArgumentException e) {
            return "The endpoint address is not a valid URL.";
        }
        return null;
    }

    /**
     * Why Ferry may not fetch from this endpoint (its address, or the authorize or token address it lists): an
     * internal name or address (loopback, private, link-local, metadata...), by the one outbound policy. Null if none.
     */
    private static String unreachable(Endpoint ep, OutboundPolicy outbound) {
        String problem = outbound.listingProblem(ep.getAddress());
        Extension oauth = ep.getExtensionByUrl(OAUTH_URIS);
        for (String part : new String[] {"authorize", "token"}) {
            String url = uri(oauth, part);
            if (problem == null && url != null) {
                problem = outbound.listingProblem(url);
            }
        }
        return problem == null ? null : "Endpoint refused: " + problem;
    }

    private static ImportBatch.EndpointDraft draft(Endpoint ep, String vendorHint, Set<String> orgs) {
        String address = ep.getAddress().strip();
        Extension oauth = ep.getExtensionByUrl(OAUTH_URIS);
        return new ImportBatch.EndpointDraft(FhirEndpoint.keyOf(address), address,
                OrganisationDrafts.cap(ep.getName(), 300), EhrVendors.of(vendorHint, address), fhirVersion(ep),
                ep.getStatus() != null ? ep.getStatus().toCode() : "active", uri(oauth, "authorize"),
                uri(oauth, "token"), orgs);
    }

    private static String fhirVersion(Endpoint ep) {
        Extension version = ep.getExtensionByUrl(FHIR_VERSION);
        if (version != null && version.getValue() != null && version.getValue().isPrimitive()) {
            return OrganisationDrafts.cap(version.getValue().primitiveValue(), 16);
        }
        return null;
    }

    private static String uri(Extension oauth, String part) {
        Extension e = oauth == null ? null : oauth.getExtensionByUrl(part);
        String value = e == null || e.getValue() == null ? null : e.getValue().primitiveValue();
        return value != null && value.regionMatches(true, 0, "http", 0, 4) && value.length() <= 1000 ? value : null;
    }

    /** The key of the endpoint's organisation (contained, as Epic lists it, or elsewhere in the bundle). */
    private static String managingOrganisation(BundleReader.Entry entry, Endpoint ep, BundleLinks links,
            OrganisationDrafts organisations) {
        Organization inBundle = links.organization(ep.getManagingOrganization());
        if (inBundle != null) {
            BundleReader.Entry orgEntry = links.resolve(ep.getManagingOrganization());
            return organisations.add(BundleLinks.keyOf(orgEntry), inBundle, null);
        }
        Organization contained = contained(ep);
        String key = BundleLinks.keyOf(entry);
        return contained == null || key == null ? null
                : organisations.add(BundleLinks.bounded(key + "#organization"), contained, ep.getName());
    }

    private static Organization managing(Endpoint ep, BundleLinks links) {
        Organization inBundle = links.organization(ep.getManagingOrganization());
        return inBundle != null ? inBundle : contained(ep);
    }

    /** The contained Organization the reference names (with or without '#'), or the only one there is. */
    private static Organization contained(Endpoint ep) {
        List<Organization> orgs = ep.getContained().stream().filter(r -> r instanceof Organization)
                .map(r -> (Organization) r).toList();
        String ref = ep.getManagingOrganization().getReference();
        String wanted = ref == null ? null : ref.replaceFirst("^#", "");
        for (Organization o : orgs) {
            String id = o.getIdElement().getValue();
            if (id != null && id.replaceFirst("^#", "").equals(wanted)) {
                return o;
            }
        }
        return orgs.size() == 1 ? orgs.get(0) : null;
    }
}
