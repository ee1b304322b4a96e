package health.ferry.connections;

import health.ferry.connections.credentials.CredentialVault;
import health.ferry.connections.credentials.SealedSecret;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stores and reads a connection's secrets through the vault: only ciphertext ever reaches the database. */
@ApplicationScoped
class ConnectionSecrets implements PanacheRepositoryBase<ConnectionSecret, ConnectionSecret.Key> {
    static final String CREDENTIALS = "credentials";
    static final String TOKENS = "tokens";
    static final String PKCE = "pkce";
    static final String CHALLENGE = "challenge";
    /** New sign-in details being tried for a working connection (replace {@link #CREDENTIALS} once accepted). */
    static final String CANDIDATE = "candidate_credentials";

    @Inject
    CredentialVault vault;
    @Inject
    Clock clock;

    void put(UUID connectionId, String kind, String plaintext) {
        SealedSecret sealed = vault.seal(purpose(kind), connectionId, plaintext);
        ConnectionSecret row = findById(new ConnectionSecret.Key(connectionId, kind));
        boolean fresh = row == null;
        if (fresh) {
            row = new ConnectionSecret(connectionId, kind);
        }
        row.keyId = sealed.keyId();
        row.sealed = sealed.sealed();
        row.updatedAt = clock.instant();
        if (fresh) {
            persist(row);
        }
    }

    Optional<String> get(UUID connectionId, String kind) {
        return findByIdOptional(new ConnectionSecret.Key(connectionId, kind))
                .map(row -> vault.open(purpose(kind), connectionId, new SealedSecret(row.keyId, row.sealed)));
    }

    void remove(UUID connectionId, String kind) {
        delete("key.connectionId = ?1 and key.kind = ?2", connectionId, kind);
    }

    /** Deletes every secret of the connection (disconnect). */
    void purge(UUID connectionId) {
        delete("key.connectionId", connectionId);
    }

    /** Re-wraps every secret still on an older key with the active key, one locked row at a time; how many. */
    int rewrapAll() {
        int changed = 0;
        for (ConnectionSecret.Key key : onOlderKeys(Integer.MAX_VALUE)) {
            if (rewrap(key)) {
                changed++;
            }
        }
        return changed;
    }

    /** Up to {@code max} secrets sealed under a key other than the active one. */
    List<ConnectionSecret.Key> onOlderKeys(int max) {
        return find("keyId <> ?1", vault.activeKey()).page(0, max).list().stream().map(row -> row.key).toList();
    }

    /**
     * Re-wraps one secret's data key with the active key (the sealed data is unchanged), holding the row's lock: a
     * concurrent {@link #put} (a token refresh) waits and then writes its own value, so nothing is lost, and two
     * instances re-wrapping at once simply do it twice. False when the row is gone or already on the active key.
     */
    boolean rewrap(ConnectionSecret.Key key) {
        ConnectionSecret row = findById(key, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.keyId.equals(vault.activeKey())) {
            return false;
        }
        SealedSecret next = vault.rewrap(purpose(row.key.kind()), row.key.connectionId(),
                new SealedSecret(row.keyId, row.sealed));
        row.keyId = next.keyId();
        row.sealed = next.sealed();
        return true;
    }

    private static String purpose(String kind) {
        return "connection." + kind;
    }
}
