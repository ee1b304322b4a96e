package health.ferry.connections;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/** Reads what the database holds for a connection, as an attacker with a database dump would. */
final class SecretRows {
    private SecretRows() {
    }

    static long count(String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> Arc.container().instance(ConnectionSecrets.class).get()
                .count("key.connectionId", UUID.fromString(connectionId)));
    }

    /** Every column of every row that mentions the connection, as text (bytes decoded as Latin-1). */
    static String dump(String connectionId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            StringBuilder sb = new StringBuilder();
            for (String sql : List.of("select * from connection where id = ?1",
                    "select * from connection_secret where connection_id = ?1",
                    "select * from audit_event where object_id = :oid",
                    "select * from connection_attempt")) {
                var q = em.createNativeQuery(sql);
                if (sql.contains("?1")) {
                    q.setParameter(1, UUID.fromString(connectionId));
                }
                if (sql.contains(":oid")) {
                    q.setParameter("oid", connectionId);
                }
                for (Object row : q.getResultList()) {
                    Object[] cols = row instanceof Object[] a ? a : new Object[] {row};
                    for (Object col : cols) {
                        sb.append(col instanceof byte[] b ? new String(b, java.nio.charset.StandardCharsets.ISO_8859_1)
                                : String.valueOf(col)).append('|');
                    }
                    sb.append('\n');
                }
            }
            return sb.toString();
        });
    }

    /** Copies connection A's sealed credentials onto connection B (a ciphertext swap). */
    static void swapCredentials(String from, String to) {
        QuarkusTransaction.requiringNew().run(() -> {
            ConnectionSecrets secrets = Arc.container().instance(ConnectionSecrets.class).get();
            ConnectionSecret a = secrets.findById(new ConnectionSecret.Key(UUID.fromString(from), "credentials"));
            ConnectionSecret b = secrets.findById(new ConnectionSecret.Key(UUID.fromString(to), "credentials"));
            b.keyId = a.keyId;
            b.sealed = a.sealed.clone();
        });
    }
}
