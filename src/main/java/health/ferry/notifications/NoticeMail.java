package health.ferry.notifications;

import health.ferry.accounts.AccountEmails;
import health.ferry.records.RecordSettings;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The email that goes with a notice, to the account that holds the person, when their settings want email. It
 * says only that something is waiting in Ferry: no health details, no portal or study names.
 */
@ApplicationScoped
class NoticeMail {
    private static final Logger LOG = Logger.getLogger(NoticeMail.class);

    @Inject
    Mailer mailer;
    @Inject
    AccountEmails emails;
    @Inject
    RecordSettings settings;

    void send(UUID personId, String kind) {
        if (!settings.view(personId).emailNotifications()) {
            return;
        }
        NoticeMessages text = MessageBundles.get(NoticeMessages.class);
        String body = switch (kind) {
            case "records_waiting" -> text.mail_records_waiting();
            case "connection_attention" -> text.mail_connection_attention();
            case "access_ending" -> text.mail_access_ending();
            case "access_ended" -> text.mail_access_ended();
            case "documents_reviewed" -> text.mail_documents_reviewed();
            default -> text.mail_other();
        };
        emails.ownerEmail(personId).ifPresent(to -> {
            try {
                mailer.send(Mail.withText(to, text.mail_subject(), body + "\n\n" + text.mail_footer()));
            } catch (RuntimeException e) {
                LOG.warnf("notice email (%s) for person %s not sent: %s", kind, personId, e.getClass().getName());
            }
        });
    }
}
