package health.ferry.connections.smart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A signing key an admin retired after a rotation: no longer published, no longer usable by a registration. */
@Entity
@Table(name = "signing_key_retired")
class RetiredKey {
    @Id
    String kid;
    @Column(name = "retired_at", nullable = false)
    Instant retiredAt;

    protected RetiredKey() {
    }

    RetiredKey(String kid, Instant retiredAt) {
        this.kid = kid;
        this.retiredAt = retiredAt;
    }
}
