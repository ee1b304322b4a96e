package health.ferry.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/**
 * A record merged into another: {@code duplicateId} (state merged) holds the same fact as {@code recordId} from
 * another source (V21). Written by {@link RecordStore} only; read here for the queries that ask a record's sources.
 */
@Entity
@Table(name = "record_merge")
class RecordMerge {
    @Id
    @Column(name = "duplicate_id")
    UUID duplicateId;
    @Column(name = "record_id", nullable = false)
    UUID recordId;
    @Column(name = "person_id", nullable = false)
    UUID personId;

    protected RecordMerge() {
    }
}
