package health.ferry.notifications;

import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import health.ferry.connections.AccessEnding;
import health.ferry.connections.ConnectionChanged;
import health.ferry.directory.PortalConnection;
import health.ferry.directory.PortalDirectory;
import health.ferry.review.PackageReviewed;
import health.ferry.sync.SyncFinished;
import health.ferry.review.ParticipantMessaged;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** A person's in-app notices: written when something the participant waits for happens, dismissed when read. */
@ApplicationScoped
public class Notices implements PanacheRepositoryBase<Notice, UUID> {
    static final int SHOWN = 20;
    /** Older access notices are about an earlier end (before a reconnect). */
    private static final java.time.Duration REMINDER_WINDOW = java.time.Duration.ofDays(8);

    @Inject
    CurrentAccount current;
    @Inject
    Clock clock;
    @Inject
    PortalDirectory directory;
    @Inject
    NoticeMail mail;

    /** Unread notices of a person the signed-in account acts for, newest first. */
    public List<NoticeView> unread(PersonView person) {
        return find("personId = ?1 and readAt is null order by createdAt desc", person.id()).page(0, SHOWN)
                .list().stream().map(Notice::view).toList();
    }

    /** Dismisses one notice of a person this account acts for; anything else is 404 and audited. */
    @Transactional
    public void dismiss(String noticeId) {
        UUID id = CurrentAccount.parse(noticeId);
        Notice n = id == null ? null : findById(id);
        if (n == null || !current.actsFor(n.personId)) {
            throw current.denied("notice", String.valueOf(noticeId), null);
        }
        n.readAt = clock.instant();
    }

    void portalDecided(@Observes ConnectionChanged e) {
        switch (e.action()) {
            case "portal_supported" -> persist(new Notice(e.personId(), "portal_supported", e.portalId(),
                    portalName(e.portalId()), "/connections/new/" + e.portalId(), clock.instant()));
            case "portal_not_supported" -> persist(new Notice(e.personId(), "portal_not_supported", e.portalId(),
                    portalName(e.portalId()), "/connections/" + e.connectionId(), clock.instant()));
            default -> {
                // Other connection changes are shown on the connection itself.
            }
        }
    }

    @Transactional
    void syncFinished(@Observes SyncFinished e) {
        if (e.newRecords() > 0) {
            notify(e.personId(), "records_waiting", e.connectionId(), e.portalName(), "/records");
        }
        if (e.failed()) {
            notify(e.personId(), "connection_attention", e.connectionId(), e.portalName(),
                    "/connections/" + e.connectionId());
        }
    }

    /** One notice before access ends and one when it has ended, per connection and end (even once dismissed). */
    @Transactional
    void accessEnding(@Observes AccessEnding e) {
        String kind = e.ended() ? "access_ended" : "access_ending";
        if (count("personId = ?1 and kind = ?2 and subjectId = ?3 and createdAt >= ?4", e.personId(), kind,
                e.connectionId(), e.endsAt().minus(REMINDER_WINDOW)) == 0) {
            notify(e.personId(), kind, e.connectionId(), e.portalName(), "/connections/" + e.connectionId());
        }
    }

    @Transactional
    void packageReviewed(@Observes PackageReviewed e) {
        notify(e.personId(), "documents_reviewed", e.uploadId(), null, "/supporting-documents/uploads/" + e.uploadId());
    }

    /**
     * Adds a notice and sends its email, unless the same notice about the same subject is still unread (a
     * second sync with new records does not stack a second notice or email).
     */
    private void notify(UUID personId, String kind, UUID subjectId, String subjectName, String link) {
        if (count("personId = ?1 and kind = ?2 and subjectId = ?3 and readAt is null", personId, kind,
                subjectId) > 0) {
            return;
        }
        persist(new Notice(personId, kind, subjectId, subjectName, link, clock.instant()));
        mail.send(personId, kind);
    }

    @Transactional
    void coordinatorMessage(@Observes ParticipantMessaged e) {
        persist(new Notice(e.personId(), "coordinator_message", null, e.message(), "/supporting-documents",
                clock.instant()));
    }

    private String portalName(UUID portalId) {
        return directory.connection(portalId).map(PortalConnection::name).orElse(null);
    }

}
