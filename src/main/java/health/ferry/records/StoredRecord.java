package health.ferry.records;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.JdbcType;
import org.hibernate.type.descriptor.jdbc.LocalDateJdbcType;

/** One stored FHIR R4 resource from one source, with its review state and the JSON as received. */
@Entity
@Table(name = "health_record")
class StoredRecord {
    @Id
    UUID id;
    @Column(name = "person_id", nullable = false)
    UUID personId;
    @Column(name = "source_kind", nullable = false)
    String sourceKind;
    @Column(name = "source_id", nullable = false)
    UUID sourceId;
    @Column(name = "resource_type", nullable = false)
    String resourceType;
    @Column(name = "resource_id", nullable = false)
    String resourceId;
    @Column(nullable = false)
    String category;
    String display;
    @Column(name = "record_date")
    /** Read and written as a LocalDate (JDBC 4.2), not through java.sql.Date, which shifts days before 1582. */
    @JdbcType(LocalDateJdbcType.class)
    LocalDate recordDate;
    @Column(nullable = false)
    String state;
    @Column(name = "version_id")
    String versionId;
    @Column(name = "last_updated")
    String lastUpdated;
    @Column(name = "fetched_at", nullable = false)
    Instant fetchedAt;
    @Column(nullable = false)
    String resource;

    protected StoredRecord() {
    }

    void decide(RecordState to) {
        this.state = to.code();
    }

    RecordView view() {
        return new RecordView(id, category, resourceType, display, recordDate, state,
                new RecordSource(sourceKind, sourceId));
    }

    boolean from(RecordSource source) {
        return sourceKind.equals(source.kind()) && sourceId.equals(source.id());
    }
}
