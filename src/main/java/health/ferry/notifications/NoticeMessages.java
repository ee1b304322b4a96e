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

    @Message("A message from your study team: {message}")
    String coordinator_message(String message);

    @Message("Something changed.")
    String other();

    @Message("Open")
    String open();

    @Message("Dismiss")
    String dismiss();
}
