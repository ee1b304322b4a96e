package health.ferry.notifications;

import static health.ferry.Tokens.as;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.accounts.AccountEmails;
import health.ferry.audit.AuditTrail;
import health.ferry.connections.AccessReminders;
import health.ferry.connections.SandboxConnections;
import health.ferry.sandbox.SandboxTime;
import health.ferry.review.PackageReviewed;
import health.ferry.sync.SyncSchedule;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Notices in the app and by email after syncs, when access ends, and when documents were reviewed. */
@QuarkusTest
class SyncNoticesTest {
    @Inject
    Notices notices;
    @Inject
    MockMailbox mailbox;
    @Inject
    AccountEmails emails;
    @Inject
    AccessReminders reminders;
    @Inject
    AuditTrail audit;
    @Inject
    Event<PackageReviewed> reviewed;
    @Inject
    Clock clock;

    @AfterEach
    void reset() {
        SandboxTime.reset();
    }

    private List<String> kinds(String personId) {
        return QuarkusTransaction.requiringNew().call(() -> notices.list("personId", UUID.fromString(personId))
                .stream().map(n -> n.kind).toList());
    }

    private String email(String personId) {
        return emails.ownerEmail(UUID.fromString(personId)).orElseThrow(() -> new AssertionError("no email"));
    }

    private void syncNow(String user, String connection) {
        as(user).contentType(ContentType.JSON).post("/api/v1/connections/" + connection + "/sync").then()
                .statusCode(202);
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline) {
            Object finished = as(user).get("/api/v1/connections/" + connection).then().extract()
                    .path("lastSync.finishedAt");
            if (finished != null) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        throw new AssertionError("sync did not finish");
    }

    @Test
    void newRecordsLeaveOneNoticeAndOneEmailWithoutHealthDetails() {
        String person = SandboxConnections.ward("erin", "Notice Waiting", "2005-01-02");
        String c = SandboxConnections.connected("erin", person, "demo");
        String to = email(person);
        int before = mailbox.getMailsSentTo(to).size();
        syncNow("erin", c);
        assertEquals(1, kinds(person).stream().filter("records_waiting"::equals).count());
        List<Mail> mails = mailbox.getMailsSentTo(to);
        assertEquals(before + 1, mails.size());
        Mail mail = mails.get(mails.size() - 1);
        assertEquals("Something is waiting for you in Ferry", mail.getSubject());
        assertTrue(mail.getText().contains("New records are waiting"));
        assertFalse(mail.getText().contains("Sandbox"), "no portal name in the email");
        List<String> entries = audit.aboutPerson(UUID.fromString(person), 20).stream().map(e -> e.action()).toList();
        assertTrue(entries.contains("sync.run"), entries.toString());
    }

    @Test
    void emailOffMeansTheNoticeOnly() {
        String person = SandboxConnections.ward("erin", "Notice Quiet", "2005-03-04");
        as("erin").contentType(ContentType.JSON).body(Map.of("emailNotifications", false))
                .put("/api/v1/people/" + person + "/settings").then().statusCode(200);
        String c = SandboxConnections.connected("erin", person, "demo");
        String to = email(person);
        int before = mailbox.getMailsSentTo(to).size();
        syncNow("erin", c);
        assertTrue(kinds(person).contains("records_waiting"));
        assertEquals(before, mailbox.getMailsSentTo(to).size());
    }

    @Inject
    SyncSchedule schedule;

    @Test
    void endedAccessOnTheScheduledSyncNeedsAttentionAndAccessEndingIsRemindedTwice() {
        String person = SandboxConnections.ward("erin", "Notice Shortlived", "2005-05-06");
        String c = SandboxConnections.connected("erin", person, "shortlived");
        as("erin").get("/api/v1/connections/" + c).then().body("accessEndsAt", org.hamcrest.Matchers.notNullValue());
        // The page says so and offers Reconnect, which goes to the portal's sign-in without searching again.
        as("erin").get("/connections/" + c).then().statusCode(200)
                .body(containsString("data-testid=\"access-ending\""))
                .body(containsString("action=\"/connections/" + c + "/reconnect\""));
        String to = email(person);
        int before = mailbox.getMailsSentTo(to).size();
        Instant now = clock.instant();
        reminders.remind(now);
        reminders.remind(now);
        assertEquals(List.of("access_ending"), kinds(person), "one reminder before the end");
        reminders.remind(now.plus(Duration.ofMinutes(2)));
        reminders.remind(now.plus(Duration.ofMinutes(3)));
        assertEquals(2, kinds(person).size());
        assertTrue(kinds(person).contains("access_ended"));
        // a minute passes for Ferry and the portal: the access has ended, so no new sign-in is tried
        io.quarkus.test.junit.QuarkusMock.installMockForType(java.time.Clock.offset(java.time.Clock.systemUTC(),
                Duration.ofSeconds(61)), java.time.Clock.class);
        SandboxTime.advance(Duration.ofSeconds(61));
        syncNow("erin", c);
        assertTrue(kinds(person).contains("connection_attention"));
        // An email each for ending, ended and needs attention. The owner's mailbox is shared with their other wards,
        // whose connections the same reminder pass may also remind, so "exactly once" is checked on the notices above.
        NoticeMessages text = io.quarkus.qute.i18n.MessageBundles.get(NoticeMessages.class);
        List<String> sent = mailbox.getMailsSentTo(to).subList(before, mailbox.getMailsSentTo(to).size()).stream()
                .map(m -> m.getText()).toList();
        for (String body : List.of(text.mail_access_ending(), text.mail_access_ended(),
                text.mail_connection_attention())) {
            assertTrue(sent.stream().anyMatch(t -> t.startsWith(body)), body + " in " + sent);
        }
    }

    @Test
    void reviewedDocumentsAreANotice() {
        String person = SandboxConnections.ward("erin", "Notice Reviewed", "2005-07-08");
        UUID upload = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> reviewed.fire(new PackageReviewed(UUID.fromString(person),
                "study-x", upload)));
        assertEquals(List.of("documents_reviewed"), kinds(person));
        assertTrue(mailbox.getMailsSentTo(email(person)).stream()
                .anyMatch(m -> m.getText().contains("reviewed documents you sent")));
    }

    @Test
    void theParticipantSeesRecordsWaitingAtHome() {
        String self = as("frank").get("/api/v1/me").then().extract().path("people[0].id");
        String c = SandboxConnections.connected("frank", self, "demo");
        syncNow("frank", c);
        as("frank").get("/home").then().statusCode(200).body(containsString("are waiting for your review"))
                .body(containsString("href=\"/records\""));
    }
}
