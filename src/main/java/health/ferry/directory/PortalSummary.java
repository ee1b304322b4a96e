package health.ferry.directory;

import java.util.List;
import java.util.UUID;

/**
 * A portal as search shows it (the contract's portal item, plus where it is and its EHR vendor when listed): names
 * only, never endpoints or internal keys.
 */
public record PortalSummary(UUID id, String name, List<String> organizations, List<String> doctors, String website,
        String supportStatus, String connectionMethod, String ehrVendor, String location) {

    /** The EHR vendor's name as people know it ("Oracle Health (Cerner)"), or null. */
    public String vendorName() {
        return EhrVendors.displayName(ehrVendor);
    }

    /** The organisations to show under the name: those whose name is not the portal's own (case, punctuation aside). */
    public List<String> otherOrganizations() {
        String own = Collapse.fold(name);
        return organizations.stream().filter(o -> !Collapse.fold(o).equals(own)).toList();
    }

    PortalSummary withStatus(SupportStatus status) {
        return new PortalSummary(id, name, organizations, doctors, website, status.code(), connectionMethod,
                ehrVendor, location);
    }
}
