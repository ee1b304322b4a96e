package health.ferry.notifications;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.LogCapture;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;

/**
 * Issue 22, item 11: the mock mailer of dev and tests logged every mail at INFO with its recipients and body. A mail
 * is still delivered to the mock mailbox, and nothing of it reaches the log.
 */
@QuarkusTest
class MailerLogsNoRecipientsTest {
    private static final String RECIPIENT = "mailer-log-probe@participant.example";
    private static final String BODY = "Your records from Sandbox General Hospital are ready (probe 7c1f).";

    @Inject
    Mailer mailer;
    @Inject
    MockMailbox mailbox;

    @Test
    void aSentMailLeavesNoAddressOrTextInTheLog() {
        mailbox.clear();
        try (LogCapture log = LogCapture.start()) {
            mailer.send(Mail.withText(RECIPIENT, "Ferry notice", BODY));
            assertEquals(1, mailbox.getMailsSentTo(RECIPIENT).size(), "the mail was sent (to the mock mailbox)");
            List<LogRecord> leaks = log.atLeast(java.util.logging.Level.ALL, "").stream()
                    .filter(r -> text(r).contains(RECIPIENT) || text(r).contains("probe 7c1f")).toList();
            assertTrue(leaks.isEmpty(), LogCapture.describe(leaks));
        }
    }

    private static String text(LogRecord r) {
        String message = r.getMessage() == null ? "" : r.getMessage();
        Object[] params = r.getParameters();
        if (params == null) {
            return message;
        }
        StringBuilder all = new StringBuilder(message);
        for (Object p : params) {
            all.append(' ').append(p);
        }
        return all.toString();
    }
}
