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
    /** The log with each study named by its title (the page shows no slug). */
    public record AccessLogView(PersonView person, List<Access> items, StudyCatalog studies) {
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
    StudyCatalog studies;

    @GET
    public TemplateInstance accessLog() {
        PersonView person = acting.person();
        return Templates.accessLog(new AccessLogView(person, log.of(person.id()), studies));
    }
}
