package health.ferry.directory;

import health.ferry.directory.PortalDirectory.PortalStatus;
import health.ferry.outcome.OutcomeException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1 for admins: decide whether a portal is supported, and import a published portal list. */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Portal directory (admin)")
public class DirectoryAdminApi {
    @Inject
    PortalDirectory directory;
    @Inject
    DirectoryImport imports;
    @Inject
    PortalSetupProblems setupProblems;

    /** The body of a support decision. */
    public record SupportDecision(String supportStatus) {
    }

    @POST
    @Path("portals/{portalId}/support-status")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Mark a portal supported or not_supported; later imports keep the decision")
    public PortalStatus decide(@PathParam("portalId") String portalId, SupportDecision body) {
        return directory.decideSupport(portalId, body == null ? null : body.supportStatus());
    }

    @POST
    @Path("directory/imports")
    @Consumes({MediaType.APPLICATION_JSON, "application/fhir+json"})
    @Operation(summary = "Import a FHIR Endpoint bundle or SMART brands bundle; answers the import report")
    public ImportReport importList(InputStream body,
            @Parameter(description = "EHR vendor when the addresses do not tell, e.g. epic") @QueryParam("vendor")
            String vendor,
            @Parameter(description = "a name for the list in the report, e.g. its file name") @QueryParam("source")
            String source) {
        ImportReport report = imports.importList(source, body, vendor);
        if (report.failed()) {
            throw OutcomeException.invalid("body", report.error());
        }
        return report;
    }

    /** The open set-up problems, the most recently seen first (at most 100). */
    public record SetupProblems(java.util.List<PortalSetupProblems.Problem> items) {
    }

    @GET
    @Path("portal-setup-problems")
    @Operation(summary = "Portals whose connection is not set up correctly (Ferry's registration refused, unusable "
            + "discovery), with the portal's sanitised error_description; admins only")
    public SetupProblems setupProblems() {
        return new SetupProblems(setupProblems.open());
    }

    @POST
    @Path("portal-setup-problems/{problemId}/resolved")
    @Operation(summary = "Mark a set-up problem fixed; the next occurrence opens a new one")
    public Response resolve(@PathParam("problemId") String problemId) {
        setupProblems.resolve(problemId);
        return Response.noContent().build();
    }
}
