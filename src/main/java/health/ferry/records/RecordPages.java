package health.ferry.records;

import health.ferry.accounts.Acting;
import health.ferry.accounts.PersonView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The Records pages: pending records to review by category, kept records, and what to import. */
@Path("/records")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("participant")
public class RecordPages {
    public record ReviewView(PersonView person, List<CategoryGroup> pending, List<CategoryGroup> accepted,
            Integer added, Integer deleted) {
    }

    public record SettingsPage(PersonView person, List<CategoryChoice> categories, boolean emailNotifications,
            boolean saved) {
    }

    public record CategoryChoice(String code, String label, boolean on) {
    }

    public record TimelineView(PersonView person, Timeline timeline) {
    }

    @CheckedTemplate(basePath = "records")
    static class Templates {
        static native TemplateInstance review(ReviewView view);

        static native TemplateInstance timeline(TimelineView view);

        static native TemplateInstance settings(SettingsPage view);
    }

    @Inject
    Acting acting;
    @Inject
    RecordReview review;
    @Inject
    RecordSettings settings;

    @GET
    public TemplateInstance showReview(@QueryParam("added") Integer added, @QueryParam("deleted") Integer deleted,
            @QueryParam("state") String state, @QueryParam("category") String category,
            @QueryParam("page") Integer page) {
        PersonView person = acting.person();
        int p = page == null ? 0 : page;
        return Templates.review(new ReviewView(person,
                CategoryGroup.of(review, person.id(), "pending", "accepted".equals(state) ? null : category, p),
                CategoryGroup.of(review, person.id(), "accepted", "accepted".equals(state) ? category : null, p),
                added, deleted));
    }

    /** Accepted records by date, newest first, grouped by year and month (the by-category view is /records). */
    @GET
    @Path("timeline")
    public TemplateInstance showTimeline() {
        PersonView person = acting.person();
        List<RecordView> accepted = review.list(person.id(), "accepted", null);
        return Templates.timeline(new TimelineView(person, Timeline.of(accepted, review.sources(accepted))));
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response processReview(@FormParam("record") List<String> selected,
            @FormParam("category") List<String> categories, @FormParam("shown") List<String> shown,
            @FormParam("action") String action) {
        PersonView person = acting.person();
        List<String> ids = selected == null ? List.of() : selected;
        // A ticked category means all its pending records, shown or not, except those shown here and unticked.
        List<String> except = new ArrayList<>(shown == null ? List.of() : shown);
        except.removeAll(ids);
        RecordReview.Decided d = switch (action == null ? "done" : action) {
            case "add" -> review.decidePending(person.id(), true, categories, ids, except);
            case "delete" -> review.decidePending(person.id(), false, categories, ids, except);
            default -> null;
        };
        URI to = d == null ? URI.create("/home")
                : URI.create("/records?added=" + d.accepted() + "&deleted=" + d.deleted());
        return Response.seeOther(to).build();
    }

    @GET
    @Path("settings")
    public TemplateInstance showSettings(@jakarta.ws.rs.QueryParam("saved") boolean saved) {
        PersonView person = acting.person();
        SettingsView s = settings.view(person.id());
        List<CategoryChoice> choices = new ArrayList<>();
        for (RecordCategory c : RecordCategory.values()) {
            choices.add(new CategoryChoice(c.code(), CategoryGroup.label(c), s.categories().get(c.code())));
        }
        return Templates.settings(new SettingsPage(person, choices, s.emailNotifications(), saved));
    }

    @POST
    @Path("settings")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response processSettings(@FormParam("category") List<String> on, @FormParam("email") String email) {
        PersonView person = acting.person();
        Map<String, Boolean> categories = new LinkedHashMap<>();
        for (RecordCategory c : RecordCategory.values()) {
            categories.put(c.code(), on != null && on.contains(c.code()));
        }
        settings.update(person.id(), new SettingsView(categories, email != null));
        return Response.seeOther(URI.create("/records/settings?saved=true")).build();
    }
}
