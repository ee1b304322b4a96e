package health.ferry.connections.smart;

import health.ferry.connections.credentials.CredentialVault;
import health.ferry.connections.credentials.SealedSecret;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/**
 * Client secrets through the credential vault: only ciphertext reaches the database, sealed for its own row (a
 * sealed secret copied to another row does not open). Re-wrapped onto the active vault key like connections' secrets.
 */
@ApplicationScoped
public class ClientSecrets implements PanacheRepositoryBase<ClientSecret, UUID> {
    private static final String PURPOSE = "client_registration.secret";

    @Inject
    CredentialVault vault;
    @Inject
    Clock clock;

    /** Seals a new secret; its row's id. */
    UUID seal(String plaintext) {
        ClientSecret row = new ClientSecret(UUID.randomUUID());
        SealedSecret sealed = vault.seal(PURPOSE, row.id, plaintext);
        row.keyId = sealed.keyId();
        row.sealed = sealed.sealed();
        row.updatedAt = clock.instant();
        persist(row);
        return row.id;
    }

    String open(UUID id) {
        ClientSecret row = findById(id);
        if (row == null) {
            throw new IllegalStateException("client secret " + id + " is missing");
        }
        return vault.open(PURPOSE, id, new SealedSecret(row.keyId, row.sealed));
    }

    /** How many secrets are sealed under a key other than the active one. */
    public long countOnOlderKeys() {
        return count("keyId <> ?1", vault.activeKey());
    }

    /** Up to {@code max} secrets sealed under a key other than the active one. */
    public List<UUID> onOlderKeys(int max) {
        return find("keyId <> ?1", vault.activeKey()).page(0, max).list().stream().map(row -> row.id).toList();
    }

    /** Re-wraps one secret's data key with the active key under its row lock; false when gone or already done. */
    public boolean rewrap(UUID id) {
        ClientSecret row = findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (row == null || row.keyId.equals(vault.activeKey())) {
            return false;
        }
        SealedSecret next = vault.rewrap(PURPOSE, id, new SealedSecret(row.keyId, row.sealed));
        row.keyId = next.keyId();
        row.sealed = next.sealed();
        return true;
    }
}
