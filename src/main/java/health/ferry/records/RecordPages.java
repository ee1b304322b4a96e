package health.ferry.records;

import health.ferry.accounts.Acting;
import health.ferry.accounts.PersonView;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.inject.Instance;
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
    /** {@code nothing}: the last decision had nothing selected and changed nothing. */
    public record ReviewView(PersonView person, List<CategoryGroup> pending, List<CategoryGroup> accepted,
            Integer added, Integer deleted, boolean nothing) {
    }

    /** The step before deleting: how many records the selection holds, and the selection to post again. */
    public record DeleteStep(PersonView person, int count, List<String> records, List<String> categories,
            List<String> shown) {
    }

    public record SettingsPage(PersonView person, List<CategoryChoice> categories, boolean emailNotifications,
            boolean saved) {
        /** Every category is off: nothing will be imported (the page warns). */
        public boolean noneOn() {
            return categories.stream().noneMatch(CategoryChoice::on);
        }
    }

    public record CategoryChoice(String code, String label, boolean on) {
    }

    /** {@code measurementsJson}: the same measurements as JSON, for static/charts.js to draw. */
    public record TimelineView(PersonView person, Timeline timeline, Measurements measurements,
            String measurementsJson) {
    }

    @CheckedTemplate(basePath = "records")
    static class Templates {
        static native TemplateInstance review(ReviewView view);

        static native TemplateInstance timeline(TimelineView view);

        static native TemplateInstance settings(SettingsPage view);

        static native TemplateInstance confirmDelete(DeleteStep view);
    }

    @Inject
    Acting acting;
    @Inject
    RecordReview review;
    @Inject
    RecordSettings settings;
    @Inject
    PersonMeasurements measurements;

    @GET
    public TemplateInstance showReview(@QueryParam("added") Integer added, @QueryParam("deleted") Integer deleted,
            @QueryParam("state") String state, @QueryParam("category") String category,
            @QueryParam("page") Integer page, @QueryParam("nothing") boolean nothing) {
        PersonView person = acting.person();
        int p = page == null ? 0 : page;
        List<CategoryGroup> pending = CategoryGroup.of(review, person.id(), "pending",
                "accepted".equals(state) ? null : category, p);
        List<CategoryGroup> accepted = CategoryGroup.of(review, person.id(), "accepted",
                "accepted".equals(state) ? category : null, p);
        return Templates.review(new ReviewView(person, pending, accepted, added, deleted, nothing));
    }

    /** Accepted records by date, newest first, grouped by year and month (the by-category view is /records). */
    @GET
    @Path("timeline")
    public TemplateInstance showTimeline() {
        PersonView person = acting.person();
        List<RecordView> accepted = review.list(person.id(), "accepted", null);
        Measurements values = measurements.of(person.id());
        return Templates.timeline(new TimelineView(person, Timeline.of(accepted, review.sources(accepted)), values,
                measurements.json(values)));
    }

    @POST
    @Path("decisions")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response processReview(@FormParam("record") List<String> selected,
            @FormParam("category") List<String> categories, @FormParam("shown") List<String> shown,
            @FormParam("action") String action, @FormParam("confirmed") String confirmed) {
        PersonView person = acting.person();
        List<String> ids = selected == null ? List.of() : selected;
        // A ticked category means all its pending records, shown or not, except those shown here and unticked.
        List<String> except = new ArrayList<>(shown == null ? List.of() : shown);
        except.removeAll(ids);
        String act = action == null ? "done" : action;
        if (!"add".equals(act) && !"delete".equals(act)) {
            return Response.seeOther(URI.create("/home")).build();
        }
        long count = review.countPending(person.id(), categories, ids, except);
        if (count == 0) {
            return Response.seeOther(URI.create("/records?nothing=true")).build();
        }
        if ("delete".equals(act) && !"yes".equals(confirmed)) {
            // Deleting is for good: a step of its own, naming the count, before anything happens (no script needed).
            return Response.ok(Templates.confirmDelete(new DeleteStep(person, Math.toIntExact(count), ids,
                    categories == null ? List.of() : categories, shown == null ? List.of() : shown))).build();
        }
        RecordReview.Decided d = review.decidePending(person.id(), "add".equals(act), categories, ids, except);
        return Response.seeOther(URI.create("/records?added=" + d.accepted() + "&deleted=" + d.deleted())).build();
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
