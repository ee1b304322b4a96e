package health.ferry.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A typed fact of a person's way to a portal connection (V28 {@code connection_event}): a portal search, or a
 * connection's change with its status and failure code, numbered in the order they were written. The funnel reads
 * these, never the audit trail's text.
 */
@Entity
@Table(name = "connection_event")
class ConnectionEvent {
    static final String SEARCHED = "searched";
    static final String CHANGED = "changed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;
    @Column(name = "person_id", nullable = false)
    UUID personId;
    @Column(name = "connection_id")
    UUID connectionId;
    @Column(nullable = false)
    String kind;
    String status;
    String failure;
    @Column(nullable = false)
    Instant at;

    protected ConnectionEvent() {
    }

    private ConnectionEvent(UUID personId, UUID connectionId, String kind, String status, String failure,
            Instant at) {
        this.personId = personId;
        this.connectionId = connectionId;
        this.kind = kind;
        this.status = status;
        this.failure = failure;
        this.at = at;
    }

    static ConnectionEvent searched(UUID personId, Instant at) {
        return new ConnectionEvent(personId, null, SEARCHED, null, null, at);
    }

    static ConnectionEvent changed(UUID personId, UUID connectionId, String status, String failure, Instant at) {
        return new ConnectionEvent(personId, connectionId, CHANGED, status, failure, at);
    }
}
