package health.ferry.web;

import health.ferry.accounts.Acting;
import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import health.ferry.notifications.NoticeView;
import health.ferry.notifications.Notices;
import health.ferry.studies.Enrolments;
import health.ferry.studies.EnrolmentView;
import health.ferry.studies.Study;
import health.ferry.studies.StudyCatalog;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The public landing page, each person's home, and the section pages that features fill in. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class HomePages {
    /** Demo people shown on the landing page in dev (username and what they can do). */
    static final List<DemoPerson> DEMO_PEOPLE = List.of(
            new DemoPerson("alice", "participant; acts for her ward Sam Carter (born 2014-05-02)"),
            new DemoPerson("bob", "participant"),
            new DemoPerson("casey", "coordinator of the Heart Rhythm Outcomes study"),
            new DemoPerson("dana", "coordinator of the Childhood Asthma Registry"),
            new DemoPerson("admin", "administrator"));

    public record DemoPerson(String username, String description) {
    }

    public record LandingView(List<DemoPerson> demoPeople) {
    }

    /** A signed-in person's home: who they act for and that person's studies. */
    public record HomeView(String accountName, PersonView person, List<EnrolledStudy> enrolments,
            List<NoticeView> notices) {
    }

    public record EnrolledStudy(String studyId, String title, EnrolmentView enrolment) {
    }

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance landing(LandingView view);

        static native TemplateInstance home(HomeView view);


        static native TemplateInstance signedOut();
    }

    @Inject
    CurrentAccount current;
    @Inject
    Acting acting;
    @Inject
    Enrolments enrolments;
    @Inject
    StudyCatalog studies;
    @Inject
    Notices notices;
    @ConfigProperty(name = "ferry.demo.enabled")
    boolean demo;

    @GET
    public Response landing() {
        if (current.isSignedIn()) {
            return Response.seeOther(URI.create("/home")).build();
        }
        return Response.ok(Templates.landing(new LandingView(demo ? DEMO_PEOPLE : List.of()))).build();
    }

    /**
     * A participant's home; a coordinator or an administrator who takes part in no study lands on their desk (the
     * studies they coordinate, the directory) instead of a participant home that does not apply to them.
     */
    @GET
    @Path("home")
    public Response home() {
        if (!current.account().hasRole("participant")) {
            if (current.account().hasRole("coordinator")) {
                return Response.seeOther(URI.create("/coordinator")).build();
            }
            if (current.account().hasRole("admin")) {
                return Response.seeOther(URI.create("/admin/directory")).build();
            }
        }
        return Response.ok(participantHome()).build();
    }

    private TemplateInstance participantHome() {
        PersonView person = acting.person();
        List<EnrolledStudy> enrolled = enrolments.forPerson(person.id().toString()).stream()
                .filter(EnrolmentView::isActive)
                .map(e -> new EnrolledStudy(e.studyId(), studies.find(e.studyId()).map(Study::title)
                        .orElse(e.studyId()), e))
                .toList();
        return Templates.home(new HomeView(current.account().displayName(), person, enrolled, notices.unread(person)));
    }

    @GET
    @Path("signed-out")
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
