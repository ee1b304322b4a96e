package health.ferry.connections;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One sealed secret of a connection (credentials, tokens, PKCE verifier, portal challenge). No toString. */
@Entity
@Table(name = "connection_secret")
class ConnectionSecret {
    @EmbeddedId
    Key key;
    @Column(name = "key_id", nullable = false)
    String keyId;
    @Column(nullable = false)
    byte[] sealed;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    /** Which secret of which connection. */
    @Embeddable
    record Key(@Column(name = "connection_id") UUID connectionId, @Column(name = "kind") String kind)
            implements Serializable {
    }

    protected ConnectionSecret() {
    }

    ConnectionSecret(UUID connectionId, String kind) {
        this.key = new Key(connectionId, kind);
    }

    @Override
    public String toString() {
        return "ConnectionSecret[" + key.kind() + "]";
    }
}
