package health.ferry.audit;

import health.ferry.accounts.Acting;
import health.ferry.accounts.PersonView;
import health.ferry.audit.AccessLogApi.Access;
import health.ferry.studies.Study;
import health.ferry.studies.StudyCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The access log page of the person being acted for: who in which study looked at what of theirs, and when. */
@Path("/account/access-log")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("participant")
public class AccessLogPages {
    /** The log with each study named by its title (the page shows no slug), and what each study has received. */
    public record AccessLogView(PersonView person, List<Access> items, List<StudyReceipts.Received> received,
            StudyCatalog studies) {
        public String studyTitle(String studyId) {
            return studyId == null ? "" : studies.find(studyId).map(Study::title).orElse("");
        }
    }

    @CheckedTemplate(basePath = "audit")
    static class Templates {
        static native TemplateInstance accessLog(AccessLogView view);
    }

    /** Text of the access log page (namespace {@code access}). */
    @MessageBundle("access")
    public interface AccessMessages {
        @Message("Who looked at {name}'s data")
        String title(String name);

        @Message("Every time a study coordinator opens, downloads, decides on or exports something of {name}'s, it is "
                + "written here.")
        String intro(String name);

        @Message("Nobody has looked at {name}'s data yet.")
        String empty(String name);

        @Message("When")
        String at();

        @Message("Who")
        String actor();

        @Message("Role")
        String role();

        @Message("What they did")
        String action();

        @Message("Study")
        String study();

        @Message("What each study has received")
        String received_title();

        @Message("Per study {name} takes part in: the kinds of records it asks for, whether {name} shares them, and "
                + "how many records that lets it receive. Turning a kind off on the study's page stops it at once; "
                + "copies the study already exported cannot be recalled.")
        String received_intro(String name);

        @Message("Kind of record")
        String received_category();

        @Message("Shared")
        String received_shared();

        @Message("Records")
        String received_records();

        @Message("{#if shared}Yes{#else}No{/if}")
        String received_yes_no(boolean shared);

        @Message("Last exported by the study: {at}. Copies exported until then cannot be recalled.")
        String received_last_export(String at);

        @Message("The study has not exported {name}'s records yet.")
        String received_never_exported(String name);

        @Message("Withdrawn: nothing more is shared with this study.")
        String received_withdrawn();

        @Message("The study's consent has changed: nothing new is shared until you accept it on the study's page.")
        String received_reconsent();

        @Message("Looked at by: {names} (details below).")
        String received_viewers(String names);

        @Message("{name} is not enrolled in any study.")
        String received_none(String name);

        @Message("{#when action}{#is 'view_upload'}Opened an upload{#is 'view_document'}Read a document"
                + "{#is 'download_document'}Downloaded a document{#is 'decide_document'}Decided on a document"
                + "{#is 'export'}Exported the study's data{#is 'message'}Sent a message{#else}{action}{/when}")
        String action_label(String action);
    }

    @Inject
    Acting acting;
    @Inject
    AccessLog log;
    @Inject
    StudyReceipts receipts;
    @Inject
    StudyCatalog studies;

    @GET
    public TemplateInstance accessLog() {
        PersonView person = acting.person();
        return Templates.accessLog(new AccessLogView(person, log.of(person.id()), receipts.of(person), studies));
    }
}
