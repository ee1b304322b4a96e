package health.ferry.sync;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One sync of one connection: when it ran, how many records were new or updated, and how it ended (a code). */
@Entity
@Table(name = "sync_run")
class SyncRun {
    static final String NEW_RECORDS = "new_records";
    static final String NO_NEW_RECORDS = "no_new_records";
    static final String FAILED = "failed";

    @Id
    UUID id;
    @Column(name = "connection_id", nullable = false)
    UUID connectionId;
    @Column(name = "started_at", nullable = false)
    Instant startedAt;
    @Column(name = "finished_at")
    Instant finishedAt;
    @Column(name = "new_records", nullable = false)
    int newRecords;
    @Column(name = "updated_records", nullable = false)
    int updatedRecords;
    String outcome;
    @Column(name = "failure_code")
    String failureCode;
    /** The {@code _lastUpdated} bound asked for (incremental run); null when everything was read. */
    @Column(name = "changes_since")
    Instant changesSince;

    protected SyncRun() {
    }

    SyncRun(UUID connectionId, Instant now) {
        this.id = UUID.randomUUID();
        this.connectionId = connectionId;
        this.startedAt = now;
    }

    void succeed(int added, int updated, Instant now) {
        this.newRecords = added;
        this.updatedRecords = updated;
        this.outcome = added > 0 ? NEW_RECORDS : NO_NEW_RECORDS;
        this.finishedAt = now;
    }

    boolean succeeded() {
        return finishedAt != null && !FAILED.equals(outcome);
    }

    void fail(String code, int added, int updated, Instant now) {
        this.newRecords = added;
        this.updatedRecords = updated;
        this.outcome = FAILED;
        this.failureCode = code;
        this.finishedAt = now;
    }
}
