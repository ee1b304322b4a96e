package health.ferry.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.connections.credentials.CredentialConnector;
import health.ferry.connections.spi.SignInOutcome;
import health.ferry.records.RecordIds;
import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.io.IOException;
import java.net.URI;
import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Benchmark seeding (PostgreSQL): many connected credentials connections made from one real one, each as the
 * wizard and its first sync would have left it, without running the wizard thousands of times.
 *
 * <p>Per clone: a person of its own (a ward under one bench account); a connection row to the same portal,
 * {@code connected}; its secrets through the real vault, sealed for the clone's own id (the vault binds a secret to
 * its row, so ciphertext cannot be copied): the seed's portal credentials, and a session from a real sign-in at the
 * portal with them (the credential connector, as validation does; the sandbox keeps sessions in memory for an hour,
 * so a copied session would be neither the clone's own nor alive in a later JVM); a completed sync run at
 * {@code lastSyncAt} (the seed's record count as new); and a copy of the seed's imported records (new row ids, the
 * clone's person and source, {@code fetched_at} at the last sync). The chart's import itself is real for the seed
 * only; for a clone the rows are copied in SQL.
 */
public final class ConnectionClones {
    private ConnectionClones() {
    }

    /** The account every clone's person belongs to (created once per database). */
    public static UUID benchAccount(String name, Instant now) {
        UUID id = UUID.nameUUIDFromBytes(("bench-account:" + name).getBytes(java.nio.charset.StandardCharsets.UTF_8));
        jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("insert into account (id, issuer, subject, username,"
                    + " display_name, created_at, last_sign_in_at) values (?, 'bench', ?, ?, ?, ?, ?)"
                    + " on conflict do nothing")) {
                s.setObject(1, id);
                s.setString(2, "bench-" + name);
                s.setString(3, "bench-" + name);
                s.setString(4, "Benchmark " + name);
                s.setTimestamp(5, Timestamp.from(now));
                s.setTimestamp(6, Timestamp.from(now));
                s.executeUpdate();
            }
        });
        return id;
    }

    /** Moves the seed's runs back to {@code lastSyncAt}, so it looks as old as its clones. */
    public static void backdateRuns(UUID connectionId, Instant lastSyncAt) {
        jdbc(c -> {
            try (PreparedStatement s = c.prepareStatement("update sync_run set started_at = ?, finished_at = ?"
                    + " where connection_id = ?")) {
                s.setTimestamp(1, Timestamp.from(lastSyncAt));
                s.setTimestamp(2, Timestamp.from(lastSyncAt.plusSeconds(10)));
                s.setObject(3, connectionId);
                s.executeUpdate();
            }
        });
    }

    /**
     * {@code count} clones of the connected credentials connection {@code seed}, numbered from {@code first} (the
     * persons' names), in batches of {@code batch}; answers the new connection ids.
     */
    public static List<UUID> of(UUID seed, UUID accountId, int first, int count, int batch, Instant lastSyncAt) {
        return of(seed, accountId, first, count, batch, lastSyncAt, null);
    }

    /**
     * {@link #of(UUID, UUID, int, int, int, Instant)}, each clone's session naming its FHIR base under the host
     * {@code fhirHost} gives its number (null: as the portal said): the same in-process sandbox reached at another
     * loopback address ({@code 127.0.0.k}) is another FHIR endpoint to Ferry (its rate limiter and guards key on
     * the base), so many portals can share the clones.
     */
    public static List<UUID> of(UUID seed, UUID accountId, int first, int count, int batch, Instant lastSyncAt,
            java.util.function.IntFunction<String> fhirHost) {
        ConnectionRepository connections = Arc.container().instance(ConnectionRepository.class).get();
        ConnectionSecrets secrets = Arc.container().instance(ConnectionSecrets.class).get();
        Portals portals = Arc.container().instance(Portals.class).get();
        CredentialConnector connector = Arc.container().instance(CredentialConnector.class).get();
        ObjectMapper json = Arc.container().instance(ObjectMapper.class).get();
        Connection source = QuarkusTransaction.requiringNew().call(() -> connections.findById(seed));
        if (source == null || source.status() != ConnectionStatus.CONNECTED || !"credentials".equals(source.method)) {
            throw new IllegalStateException("the seed must be a connected credentials connection");
        }
        String credentials = QuarkusTransaction.requiringNew().call(() -> secrets.get(seed,
                ConnectionSecrets.CREDENTIALS)).orElseThrow();
        URI api = QuarkusTransaction.requiringNew().call(() -> portals.method(source.method, portals.get(source.portalId)))
                .signInApi();
        String username;
        String password;
        try {
            JsonNode node = json.readTree(credentials);
            username = node.path("username").asText();
            password = node.path("password").asText();
        } catch (IOException e) {
            throw new IllegalStateException("seed credentials unreadable");
        }
        int records = QuarkusTransaction.requiringNew().call(() -> ((Number) connections.getEntityManager()
                .createNativeQuery("select count(*) from health_record where person_id = ?1 and source_id = ?2")
                .setParameter(1, source.personId).setParameter(2, seed).getSingleResult()).intValue());
        List<UUID> all = new ArrayList<>();
        for (int from = 0; from < count; from += batch) {
            int n = Math.min(batch, count - from);
            List<UUID> ids = new ArrayList<>();
            List<UUID> persons = new ArrayList<>();
            List<SignInOutcome.Connected> sessions = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ids.add(UUID.randomUUID());
                persons.add(UUID.randomUUID());
                SignInOutcome outcome = connector.signIn(api, username, password);
                if (!(outcome instanceof SignInOutcome.Connected ok)) {
                    throw new IllegalStateException("the portal refused the seed's credentials: " + outcome);
                }
                sessions.add(fhirHost == null ? ok : new SignInOutcome.Connected(rehosted(json, ok.session(),
                        fhirHost.apply(first + from + i)), ok.accessExpiresAt(), ok.accessEndsAt()));
            }
            int number = first + from;
            jdbc(c -> insertRows(c, source, records, accountId, number, ids, persons, sessions, lastSyncAt));
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = 0; i < n; i++) {
                    secrets.put(ids.get(i), ConnectionSecrets.CREDENTIALS, credentials);
                    secrets.put(ids.get(i), ConnectionSecrets.TOKENS, sessions.get(i).session());
                }
            });
            jdbc(c -> copyRecords(c, source, ids, persons, lastSyncAt));
            all.addAll(ids);
        }
        return all;
    }

    /** The session JSON with its {@code fhirBaseUrl} on another host (scheme, port and path kept). */
    private static String rehosted(ObjectMapper json, String session, String host) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode node = (com.fasterxml.jackson.databind.node.ObjectNode)
                    json.readTree(session);
            URI base = URI.create(node.path("fhirBaseUrl").asText());
            node.put("fhirBaseUrl", new URI(base.getScheme(), null, host, base.getPort(), base.getPath(), null, null)
                    .toString());
            return json.writeValueAsString(node);
        } catch (IOException | java.net.URISyntaxException | ClassCastException e) {
            throw new IllegalStateException("the sandbox session has no usable fhirBaseUrl", e);
        }
    }

    private static void insertRows(java.sql.Connection c, Connection source, int records, UUID accountId,
            int first, List<UUID> ids, List<UUID> persons, List<SignInOutcome.Connected> sessions, Instant lastSyncAt)
            throws SQLException {
        Timestamp at = Timestamp.from(lastSyncAt);
        try (PreparedStatement p = c.prepareStatement("insert into person (id, account_id, relationship, display_name,"
                + " birth_date, authority_attested_at, created_at, updated_at, version) values (?, ?, 'child', ?, ?, ?,"
                + " ?, ?, 0)");
                PreparedStatement k = c.prepareStatement("insert into connection (id, person_id, portal_id,"
                        + " portal_name, method, status, access_expires_at, access_ends_at, created_at, updated_at,"
                        + " connected_at, version) values (?, ?, ?, ?, ?, 'connected', ?, ?, ?, ?, ?, 0)");
                PreparedStatement r = c.prepareStatement("insert into sync_run (id, connection_id, started_at,"
                        + " finished_at, new_records, updated_records, outcome) values (?, ?, ?, ?, ?, 0,"
                        + " 'new_records')");
                PreparedStatement settings = c.prepareStatement("insert into record_settings (person_id,"
                        + " disabled_categories, email_notifications, categories_enabled_at) select ?,"
                        + " disabled_categories, email_notifications, categories_enabled_at from record_settings"
                        + " where person_id = ?")) {
            for (int i = 0; i < ids.size(); i++) {
                p.setObject(1, persons.get(i));
                p.setObject(2, accountId);
                p.setString(3, String.format("Weekly bench %05d", first + i));
                p.setObject(4, LocalDate.of(1950, 1, 1).plusDays((first + i) % 20_000L));
                p.setTimestamp(5, at);
                p.setTimestamp(6, at);
                p.setTimestamp(7, at);
                p.addBatch();
                k.setObject(1, ids.get(i));
                k.setObject(2, persons.get(i));
                k.setObject(3, source.portalId);
                k.setString(4, source.portalName);
                k.setString(5, source.method);
                k.setTimestamp(6, ts(sessions.get(i).accessExpiresAt()));
                k.setTimestamp(7, ts(sessions.get(i).accessEndsAt()));
                k.setTimestamp(8, at);
                k.setTimestamp(9, at);
                k.setTimestamp(10, at);
                k.addBatch();
                r.setObject(1, UUID.randomUUID());
                r.setObject(2, ids.get(i));
                r.setTimestamp(3, at);
                r.setTimestamp(4, Timestamp.from(lastSyncAt.plusSeconds(10)));
                r.setInt(5, records);
                r.addBatch();
                settings.setObject(1, persons.get(i));
                settings.setObject(2, source.personId);
                settings.addBatch();
            }
            p.executeBatch();
            k.executeBatch();
            r.executeBatch();
            settings.executeBatch();
        }
    }

    private static void copyRecords(java.sql.Connection c, Connection source, List<UUID> ids, List<UUID> persons,
            Instant lastSyncAt) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("insert into health_record (id, person_id, source_kind,"
                + " source_id, resource_type, resource_id, category, display, record_date, state, version_id,"
                + " last_updated, fetched_at, resource) select " + RecordIds.postgresSql("r.source_kind", "m.conn",
                "r.resource_type", "r.resource_id") + ", m.person, r.source_kind, m.conn,"
                + " r.resource_type, r.resource_id, r.category, r.display, r.record_date, r.state, r.version_id,"
                + " r.last_updated, ?, r.resource from health_record r cross join unnest(?, ?) as m(conn, person)"
                + " where r.source_id = ? and r.person_id = ?")) {
            Array conns = c.createArrayOf("uuid", ids.toArray());
            Array people = c.createArrayOf("uuid", persons.toArray());
            s.setTimestamp(1, Timestamp.from(lastSyncAt));
            s.setArray(2, conns);
            s.setArray(3, people);
            s.setObject(4, source.id);
            s.setObject(5, source.personId);
            s.executeUpdate();
        }
    }

    private static Timestamp ts(Instant at) {
        return at == null ? null : Timestamp.from(at);
    }

    private interface Work {
        void run(java.sql.Connection c) throws SQLException;
    }

    /** Plain JDBC in a transaction of its own (bulk rows; the application's own writes go through its classes). */
    private static void jdbc(Work work) {
        AgroalDataSource ds = Arc.container().instance(AgroalDataSource.class).get();
        QuarkusTransaction.requiringNew().run(() -> {
            try (java.sql.Connection c = ds.getConnection()) {
                work.run(c);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
