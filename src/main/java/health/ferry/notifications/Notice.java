package health.ferry.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One in-app notice for a person: a kind (its text lives in the message bundle), its subject, where to act. */
@Entity
@Table(name = "notice")
class Notice {
    @Id
    UUID id;
    @Column(name = "person_id", nullable = false)
    UUID personId;
    @Column(nullable = false)
    String kind;
    @Column(name = "subject_id")
    UUID subjectId;
    @Column(name = "subject_name")
    String subjectName;
    String link;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "read_at")
    Instant readAt;

    protected Notice() {
    }

    Notice(UUID personId, String kind, UUID subjectId, String subjectName, String link, Instant now) {
        this.id = UUID.randomUUID();
        this.personId = personId;
        this.kind = kind;
        this.subjectId = subjectId;
        this.subjectName = subjectName;
        this.link = link;
        this.createdAt = now;
    }

    NoticeView view() {
        return new NoticeView(id, kind, subjectName, link, createdAt);
    }
}
