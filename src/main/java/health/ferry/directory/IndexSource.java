package health.ferry.directory;

import java.util.List;
import java.util.UUID;

/**
 * The rows the search index is built from, as plain values: the database loads them at start and after changes;
 * the benchmark makes 100,000 of them without one.
 */
record IndexSource(List<PortalRow> portals, List<WebsiteRow> websites, List<Link> portalOrganisations,
        List<Named> organisations, List<Named> aliases, List<Named> doctors, List<WebsiteRow> endpoints,
        List<Place> places) {

    /** Without FHIR endpoint addresses or places (the benchmark's synthetic directory). */
    IndexSource(List<PortalRow> portals, List<WebsiteRow> websites, List<Link> portalOrganisations,
            List<Named> organisations, List<Named> aliases, List<Named> doctors) {
        this(portals, websites, portalOrganisations, organisations, aliases, doctors, List.of(), List.of());
    }

    /**
     * A portal; {@code privateTo} is the account that asked for it while it is a participant's request no admin has
     * decided on and no published list has taken over (only that account finds it), else null (everyone does).
     */
    record PortalRow(UUID id, String name, SupportStatus status, ConnectionMethod method, UUID privateTo,
            String vendor) {
        PortalRow(UUID id, String name, SupportStatus status, ConnectionMethod method) {
            this(id, name, status, method, null, null);
        }
    }

    record WebsiteRow(UUID portalId, String url, String host, String path) {
    }

    /** A portal's link to an organisation. */
    record Link(UUID portalId, UUID organisationId) {
    }

    /** Where an organisation is: its city and state as listed (either may be null). */
    record Place(UUID organisationId, String city, String state) {
        /** "City, ST", or whichever of the two is known. */
        String label() {
            boolean hasCity = city != null && !city.isBlank();
            boolean hasState = state != null && !state.isBlank();
            return hasCity && hasState ? city.strip() + ", " + state.strip() : hasCity ? city.strip()
                    : hasState ? state.strip() : null;
        }
    }

    /** A name belonging to an organisation: its own, an alias, or one of its doctors. */
    record Named(UUID organisationId, String name) {
    }
}
