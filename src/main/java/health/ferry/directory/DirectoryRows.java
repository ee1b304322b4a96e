package health.ferry.directory;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads what the search index is built from, in one transaction, and a fingerprint that moves on any change.
 *
 * <p>Plain SQL, not HQL: the index is built while Ferry starts, and the first HQL queries of a JVM pay for
 * Hibernate's query parser (its grammar, then each query's translation, at about 50 ms a query before the JIT has
 * compiled any of it). Read as plain columns, the same rows cost one round trip each and nothing else, at start and
 * on every later rebuild. docs/benchmarks.md §7 has the figures.
 */
@ApplicationScoped
class DirectoryRows {
    @Inject
    DataSource dataSource;

    @Transactional
    IndexSource load() {
        try (Connection c = dataSource.getConnection()) {
            // An undecided participant's request is private to its requester (PortalRequests, docs/security.md).
            List<IndexSource.PortalRow> portals = rows(c, "select id, name, support_status, connection_method, "
                    + "case when source_key is null and status_decided_at is null then requested_by end, ehr_vendor "
                    + "from portal", r -> new IndexSource.PortalRow(uuid(r, 1), r.getString(2),
                            Coded.fromCode(SupportStatus.class, r.getString(3)),
                            Coded.fromCode(ConnectionMethod.class, r.getString(4)), uuid(r, 5), r.getString(6)));
            List<IndexSource.WebsiteRow> websites = rows(c, "select portal_id, url, host, path from portal_website "
                    + "order by portal_id, position", r -> new IndexSource.WebsiteRow(uuid(r, 1), r.getString(2),
                            r.getString(3), r.getString(4)));
            List<IndexSource.Link> links = rows(c, "select portal_id, organisation_id from portal_organisation",
                    r -> new IndexSource.Link(uuid(r, 1), uuid(r, 2)));
            return new IndexSource(portals, websites, links,
                    named(c, "select o.id, o.name from organisation o where exists "
                            + "(select 1 from portal_organisation po where po.organisation_id = o.id)"),
                    named(c, "select organisation_id, alias from organisation_alias"),
                    named(c, "select organisation_id, name from doctor"),
                    // A portal's FHIR base addresses: what a participant pastes is often on the same site.
                    rows(c, "select pe.portal_id, e.address from portal_endpoint pe join fhir_endpoint e"
                            + " on e.id = pe.endpoint_id", r -> endpoint(uuid(r, 1), r.getString(2)))
                            .stream().filter(java.util.Objects::nonNull).toList(),
                    rows(c, "select o.id, o.city, o.state from organisation o where (o.city is not null or o.state is"
                            + " not null) and exists (select 1 from portal_organisation po where po.organisation_id"
                            + " = o.id)", r -> new IndexSource.Place(uuid(r, 1), r.getString(2), r.getString(3))));
        } catch (SQLException e) {
            throw new IllegalStateException("reading the directory for the search index failed", e);
        }
    }

    /** An endpoint address as a website row (its lookup host and path), or null when it does not read as one. */
    static IndexSource.WebsiteRow endpoint(UUID portalId, String address) {
        WebsiteAddress.Parsed parsed = WebsiteAddress.parse(address);
        return parsed.ok() ? new IndexSource.WebsiteRow(portalId, address, parsed.address().host(),
                parsed.address().path()) : null;
    }

    /** Counts and latest update times of portals, organisations and doctors. */
    @Transactional
    String fingerprint() {
        try (Connection c = dataSource.getConnection()) {
            StringBuilder fingerprint = new StringBuilder();
            for (String table : new String[] { "portal", "organisation", "doctor" }) {
                // The table names are the constants above, never input.
                rows(c, "select count(*), max(updated_at) from " + table,
                        r -> fingerprint.append(r.getLong(1)).append('@').append(r.getString(2)).append(';'));
            }
            return fingerprint.toString();
        } catch (SQLException e) {
            throw new IllegalStateException("reading the directory's fingerprint failed", e);
        }
    }

    private interface Row<T> {
        T read(ResultSet r) throws SQLException;
    }

    private static <T> List<T> rows(Connection c, String sql, Row<T> row) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            List<T> rows = new ArrayList<>();
            while (r.next()) {
                rows.add(row.read(r));
            }
            return rows;
        }
    }

    private static List<IndexSource.Named> named(Connection c, String sql) throws SQLException {
        return rows(c, sql, r -> new IndexSource.Named(uuid(r, 1), r.getString(2)));
    }

    private static UUID uuid(ResultSet r, int column) throws SQLException {
        return r.getObject(column, UUID.class);
    }
}
