package health.ferry.directory;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A hospital, clinic or office that patients know by name; found again on re-import by its source key. */
@Entity
@Table(name = "organisation")
class Organisation {
    @Id
    UUID id;
    @Column(name = "source_key", nullable = false)
    String sourceKey;
    @Column(nullable = false)
    String name;
    @Convert(converter = OrganisationKind.Jpa.class)
    @Column(nullable = false)
    OrganisationKind kind;
    String city;
    String state;
    @ElementCollection
    @CollectionTable(name = "organisation_alias", joinColumns = @JoinColumn(name = "organisation_id"))
    @OrderColumn(name = "position")
    @Column(name = "alias")
    List<String> aliases = new ArrayList<>();
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected Organisation() {
    }

    Organisation(String sourceKey, Instant now) {
        this.id = UUID.randomUUID();
        this.sourceKey = sourceKey;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Takes the listed details; answers whether anything changed. */
    boolean apply(ImportBatch.OrganisationDraft draft, Instant now) {
        boolean changed = !Objects.equals(name, draft.name()) || kind != draft.kind()
                || !Objects.equals(city, draft.city()) || !Objects.equals(state, draft.state())
                || !aliases.equals(draft.aliases());
        if (changed) {
            name = draft.name();
            kind = draft.kind();
            city = draft.city();
            state = draft.state();
            aliases.clear();
            aliases.addAll(draft.aliases());
            updatedAt = now;
        }
        return changed;
    }
}
