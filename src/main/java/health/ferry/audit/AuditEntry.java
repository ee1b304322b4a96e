package health.ferry.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.hibernate.annotations.Immutable;

/**
 * One row of the append-only audit trail: who, acting for whom, did what to which object, when, with what outcome.
 * Rows written since V12 are links of a hash chain ({@link AuditChain}): {@code seq} is the row's place in it,
 * {@code prevHash} the hash of the row before, {@code hash} SHA-256 over {@link #canonical()}.
 */
@Entity
@Immutable
@Table(name = "audit_event")
public class AuditEntry {
    @Id
    UUID id;
    @Column(nullable = false)
    Instant at;
    @Column(name = "actor_id")
    UUID actorId;
    @Column(name = "actor_username")
    String actorUsername;
    @Column(name = "actor_role")
    String actorRole;
    @Column(name = "subject_person")
    UUID subjectPerson;
    @Column(nullable = false)
    String action;
    @Column(name = "object_type")
    String objectType;
    @Column(name = "object_id")
    String objectId;
    @Column(name = "study_id")
    String studyId;
    @Column(nullable = false)
    String outcome;
    @Column(name = "source_ip")
    String sourceIp;
    String detail;
    Long seq;
    @Column(name = "prev_hash")
    String prevHash;
    String hash;

    protected AuditEntry() {
    }

    /** {@code at} is kept to the microsecond, as the database stores it, so the hash is over what is stored. */
    AuditEntry(Instant at, String action, String outcome) {
        this.id = UUID.randomUUID();
        this.at = at.truncatedTo(ChronoUnit.MICROS);
        this.action = action;
        this.outcome = outcome;
    }

    public Instant at() {
        return at;
    }

    public String action() {
        return action;
    }

    public String outcome() {
        return outcome;
    }

    public String actorUsername() {
        return actorUsername;
    }

    public String actorRole() {
        return actorRole;
    }

    public UUID subjectPerson() {
        return subjectPerson;
    }

    public String objectType() {
        return objectType;
    }

    public String objectId() {
        return objectId;
    }

    public String studyId() {
        return studyId;
    }

    /** Makes this entry the link after {@code prevHash} at place {@code seq}. */
    void link(long seq, String prevHash) {
        this.seq = seq;
        this.prevHash = prevHash;
        this.hash = computeHash();
    }

    /** SHA-256 of {@link #canonical()} in lower-case hex: what {@code hash} must be. */
    String computeHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /**
     * The row as hashed: every column but {@code hash}, in a fixed order, each as its length, a colon, its text and a
     * newline ({@code -} and a newline for null), so no two rows share a form. Times are ISO-8601 in UTC.
     */
    String canonical() {
        StringBuilder out = new StringBuilder(256);
        for (Object value : Arrays.asList(seq, id, at, actorId, actorUsername, actorRole, subjectPerson, action,
                objectType, objectId, studyId, outcome, sourceIp, detail, prevHash)) {
            if (value == null) {
                out.append("-\n");
            } else {
                String text = value.toString();
                out.append(text.length()).append(':').append(text).append('\n');
            }
        }
        return out.toString();
    }
}
