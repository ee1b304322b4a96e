package health.ferry.directory;

import java.util.List;
import java.util.UUID;

/**
 * The rows the search index is built from, as plain values: the database loads them at start and after changes;
 * the benchmark makes 100,000 of them without one.
 */
record IndexSource(List<PortalRow> portals, List<WebsiteRow> websites, List<Link> portalOrganisations,
        List<Named> organisations, List<Named> aliases, List<Named> doctors) {

    /**
     * A portal; {@code privateTo} is the account that asked for it while it is a participant's request no admin has
     * decided on and no published list has taken over (only that account finds it), else null (everyone does).
     */
    record PortalRow(UUID id, String name, SupportStatus status, ConnectionMethod method, UUID privateTo) {
        PortalRow(UUID id, String name, SupportStatus status, ConnectionMethod method) {
            this(id, name, status, method, null);
        }
    }

    record WebsiteRow(UUID portalId, String url, String host, String path) {
    }

    /** A portal's link to an organisation. */
    record Link(UUID portalId, UUID organisationId) {
    }

    /** A name belonging to an organisation: its own, an alias, or one of its doctors. */
    record Named(UUID organisationId, String name) {
    }
}
