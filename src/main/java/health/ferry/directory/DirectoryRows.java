package health.ferry.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads what the search index is built from, in one transaction, and a fingerprint that moves on any change. */
@ApplicationScoped
class DirectoryRows {
    @Inject
    PortalRepository portals;
    @Inject
    OrganisationRepository organisations;
    @Inject
    DoctorRepository doctors;

    @Transactional
    IndexSource load() {
        List<IndexSource.PortalRow> portalRows = portals.indexRows().stream()
                .map(r -> new IndexSource.PortalRow((UUID) r[0], (String) r[1], (SupportStatus) r[2],
                        (ConnectionMethod) r[3])).toList();
        List<IndexSource.WebsiteRow> websites = portals.websiteRows().stream()
                .map(r -> new IndexSource.WebsiteRow((UUID) r[0], (String) r[1], (String) r[2], (String) r[3]))
                .toList();
        List<IndexSource.Link> links = portals.organisationLinks().stream()
                .map(r -> new IndexSource.Link((UUID) r[0], (UUID) r[1])).toList();
        return new IndexSource(portalRows, websites, links, named(organisations.indexRows()),
                named(organisations.aliasRows()), named(doctors.indexRows()));
    }

    /** Counts and latest update times of portals, organisations and doctors. */
    @Transactional
    String fingerprint() {
        return Arrays.toString(portals.fingerprint()) + Arrays.toString(organisations.fingerprint())
                + Arrays.toString(doctors.fingerprint());
    }

    private static List<IndexSource.Named> named(List<Object[]> rows) {
        return rows.stream().map(r -> new IndexSource.Named((UUID) r[0], (String) r[1])).toList();
    }
}
