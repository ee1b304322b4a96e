package health.ferry.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A doctor people look for by name, at the organisation whose portals hold their records. */
@Entity
@Table(name = "doctor")
class Doctor {
    @Id
    UUID id;
    @Column(name = "organisation_id", nullable = false)
    UUID organisationId;
    @Column(nullable = false)
    String name;
    @Column(name = "name_key", nullable = false)
    String nameKey;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected Doctor() {
    }

    Doctor(UUID organisationId, String name, Instant now) {
        this.id = UUID.randomUUID();
        this.organisationId = organisationId;
        this.name = name;
        this.nameKey = NameTokens.key(name);
        this.createdAt = now;
        this.updatedAt = now;
    }
}
