package health.ferry.notifications;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of notices (namespace {@code notice}); one message per notice kind. */
@MessageBundle("notice")
public interface NoticeMessages {
    @Message("Notices")
    String title();

    @Message("Good news: {portal} can now be connected. Connect it to start receiving records.")
    String portal_supported(String portal);

    @Message("Ferry cannot connect to {portal}. If your study allows it, you can upload the records file your "
            + "portal lets you download instead.")
    String portal_not_supported(String portal);

    @Message("New records from {portal} are waiting for your review.")
    String records_waiting(String portal);

    @Message("Your connection to {portal} needs your attention.")
    String connection_attention(String portal);

    @Message("Your access to {portal} ends within a week. Reconnect to keep receiving records.")
    String access_ending(String portal);

    @Message("Your access to {portal} has ended. Reconnect to keep receiving records.")
    String access_ended(String portal);

    @Message("The study team has reviewed your Supporting Documents.")
    String documents_reviewed();

    @Message("A message from your study team: {message}")
    String coordinator_message(String message);

    @Message("Something changed.")
    String other();

    @Message("Something is waiting for you in Ferry")
    String mail_subject();

    @Message("New records are waiting for your review in Ferry.")
    String mail_records_waiting();

    @Message("One of your portal connections in Ferry needs your attention.")
    String mail_connection_attention();

    @Message("Access to one of your connected portals ends within a week. Sign in to Ferry to reconnect it.")
    String mail_access_ending();

    @Message("Access to one of your connected portals has ended. Sign in to Ferry to reconnect it.")
    String mail_access_ended();

    @Message("A study team has reviewed documents you sent. Sign in to Ferry to see what they need.")
    String mail_documents_reviewed();

    @Message("Something is waiting for you in Ferry.")
    String mail_other();

    @Message("Sign in to Ferry to see it. You can turn these emails off in your record settings.")
    String mail_footer();

    @Message("Open")
    String open();

    @Message("Dismiss")
    String dismiss();
}
