package health.ferry.connections.smart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A client secret Ferry was given by a portal, sealed by the credential vault. No toString of the bytes. */
@Entity
@Table(name = "client_secret")
class ClientSecret {
    @Id
    UUID id;
    @Column(name = "key_id", nullable = false)
    String keyId;
    @Column(nullable = false)
    byte[] sealed;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected ClientSecret() {
    }

    ClientSecret(UUID id) {
        this.id = id;
    }

    @Override
    public String toString() {
        return "ClientSecret[" + id + "]";
    }
}
