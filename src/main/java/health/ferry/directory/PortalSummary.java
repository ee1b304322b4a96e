package health.ferry.directory;

import java.util.List;
import java.util.UUID;

/** A portal as search shows it (the contract's portal item): names only, never endpoints or internal keys. */
public record PortalSummary(UUID id, String name, List<String> organizations, List<String> doctors, String website,
        String supportStatus, String connectionMethod) {

    PortalSummary withStatus(SupportStatus status) {
        return new PortalSummary(id, name, organizations, doctors, website, status.code(), connectionMethod);
    }
}
