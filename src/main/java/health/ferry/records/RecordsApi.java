package health.ferry.records;

import health.ferry.accounts.CurrentAccount;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import health.ferry.outcome.OutcomeException;
import io.vertx.core.buffer.Buffer;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1: a person's stored records, review decisions, the export bundle and import settings. */
@Path("/api/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@RolesAllowed("participant")
@Tag(name = "Records")
public class RecordsApi {
    @Inject
    CurrentAccount current;
    @Inject
    RecordReview review;
    @Inject
    RecordSettings settings;
    @Inject
    PersonMeasurements measurements;

    /**
     * The records list's answer. {@link RecordRows} writes it straight from the rows; this type names its shape
     * for the API description (under the schema name it has always had).
     */
    @Schema(name = "PageRecordView")
    public record Page(List<RecordView> items, long total) {
    }

    public record Decisions(List<String> accept, List<String> delete) {
    }

    @GET
    @Path("people/{personId}/records")
    @Operation(summary = "The person's pending (default) or accepted records, optionally of one category: all of them, "
            + "or a page at a time when page or size is given")
    @APIResponse(responseCode = "200", description = "OK", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = Page.class)))
    public Buffer list(@PathParam("personId") String personId, @QueryParam("state") String state,
            @QueryParam("category") String category,
            @Parameter(description = "page number, from 0") @QueryParam("page") String page,
            @Parameter(description = "records per page (default " + RecordReview.DEFAULT_SIZE
                    + " when only page is given, at most " + RecordReview.MAX_SIZE + ")") @QueryParam("size") String size) {
        return review.listJson(current.person(personId).id(), state, category,
                OutcomeException.wholeNumber("page", page), OutcomeException.wholeNumber("size", size));
    }

    @POST
    @Path("people/{personId}/records/decisions")
    @Operation(summary = "Accept pending records and delete records")
    public RecordReview.Decided decide(@PathParam("personId") String personId, Decisions body) {
        Decisions d = body == null ? new Decisions(null, null) : body;
        return review.decide(current.person(personId).id(), d.accept(), d.delete());
    }

    @GET
    @Path("people/{personId}/measurements")
    @Operation(summary = "The person's lab results and vital signs over time: accepted numeric Observations, one item "
            + "per LOINC code and unit, with a series per measured code and its reference range")
    public Measurements measurements(@PathParam("personId") String personId) {
        return measurements.of(current.person(personId).id());
    }

    @GET
    @Path("people/{personId}/records/export")
    @Produces("application/fhir+json")
    @Operation(summary = "A FHIR R4 Bundle of the person's accepted records")
    public String export(@PathParam("personId") String personId) {
        return review.export(current.person(personId).id());
    }

    @GET
    @Path("people/{personId}/settings")
    @Operation(summary = "Which categories are imported and whether email notices are sent")
    public SettingsView settings(@PathParam("personId") String personId) {
        return settings.view(current.person(personId).id());
    }

    @PUT
    @Path("people/{personId}/settings")
    @Operation(summary = "Change which categories are imported and email notices")
    public SettingsView update(@PathParam("personId") String personId, SettingsView body) {
        return settings.update(current.person(personId).id(), body == null ? new SettingsView(null, null) : body);
    }
}
