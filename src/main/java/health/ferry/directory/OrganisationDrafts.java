package health.ferry.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Address;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.StringType;

/**
 * Turns FHIR Organizations into organisation drafts once each (by key), and reads the websites they publish:
 * URL identifiers ({@code urn:ietf:rfc:3986}) and URL telecoms.
 */
final class OrganisationDrafts {
    static final int MAX_ALIASES = 20;
    private static final String URL_SYSTEM = "urn:ietf:rfc:3986";
    private final ImportBatch batch;
    private final Map<String, String> added = new HashMap<>();

    OrganisationDrafts(ImportBatch batch) {
        this.batch = batch;
    }

    /** Adds the organisation under this key (first time only) and answers the key; null without a name. */
    String add(String key, Organization org, String fallbackName) {
        if (key == null) {
            return null;
        }
        if (added.containsKey(key)) {
            return key;
        }
        String name = org != null && org.hasName() && !org.getName().isBlank() ? org.getName() : fallbackName;
        if (name == null || name.isBlank()) {
            return null;
        }
        name = cap(name.strip(), 300);
        String typeCode = org == null ? null : org.getType().stream().flatMap(t -> t.getCoding().stream())
                .map(c -> c.getCode()).filter(c -> c != null).findFirst().orElse(null);
        Address place = org == null ? null : org.getAddress().stream().filter(a -> a.hasCity() || a.hasState())
                .findFirst().orElse(null);
        List<String> aliases = new ArrayList<>();
        if (org != null) {
            org.getAlias().stream().map(StringType::getValue).filter(a -> a != null && !a.isBlank())
                    .map(a -> cap(a.strip(), 300)).distinct().limit(MAX_ALIASES).forEach(aliases::add);
        }
        batch.organisation(new ImportBatch.OrganisationDraft(key, name, OrganisationKind.guess(typeCode, name),
                place == null ? null : cap(place.getCity(), 120), place == null ? null : cap(place.getState(), 64),
                aliases));
        added.put(key, name);
        return key;
    }

    /** The websites an organisation publishes, parsed; unreadable ones are left out. */
    static List<WebsiteAddress> websites(Organization org) {
        Map<String, WebsiteAddress> sites = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        org.getIdentifier().stream().filter(i -> URL_SYSTEM.equals(i.getSystem()) && i.hasValue())
                .forEach(i -> raw.add(i.getValue()));
        org.getTelecom().stream().filter(t -> t.getSystem() == ContactPoint.ContactPointSystem.URL && t.hasValue())
                .forEach(t -> raw.add(t.getValue()));
        for (String value : raw) {
            if (value.regionMatches(true, 0, "http", 0, 4)) {
                WebsiteAddress.Parsed parsed = WebsiteAddress.parse(value);
                if (parsed.ok()) {
                    sites.putIfAbsent(parsed.address().key(), parsed.address());
                }
            }
        }
        return new ArrayList<>(sites.values());
    }

    static String cap(String s, int max) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String t = s.strip();
        return t.length() > max ? t.substring(0, max) : t;
    }
}
