package health.ferry.directory;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The admin's directory page: decide on participants' portal requests, import a published portal list. */
@Path("/admin/directory")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class DirectoryPages {
    static final int PENDING_SHOWN = 100;

    public record AdminView(List<PortalDirectory.PendingPortal> pending, List<PortalSetupProblems.Problem> problems,
            ImportReport report, String error) {
    }

    @CheckedTemplate(basePath = "directory")
    static class Templates {
        static native TemplateInstance admin(AdminView view);
    }

    @Inject
    PortalDirectory directory;
    @Inject
    DirectoryImport imports;
    @Inject
    PortalSetupProblems setupProblems;

    @GET
    @Operation(hidden = true)
    public TemplateInstance admin() {
        return view(null, null);
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(hidden = true)
    public Response importList(@RestForm("file") FileUpload file, @RestForm String vendor) throws IOException {
        if (file == null || file.uploadedFile() == null) {
            String message = MessageBundles.get(DirectoryMessages.class).import_no_file();
            return Response.status(400).entity(view(null, message)).build();
        }
        try (InputStream in = Files.newInputStream(file.uploadedFile())) {
            ImportReport report = imports.importList(file.fileName(), in, vendor);
            return Response.status(report.failed() ? 400 : 200).entity(view(report, null)).build();
        }
    }

    @POST
    @Path("portals/{portalId}/support-status")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response decide(@PathParam("portalId") String portalId, @RestForm String supportStatus) {
        directory.decideSupport(portalId, supportStatus);
        return Response.seeOther(URI.create("/admin/directory")).build();
    }

    @POST
    @Path("setup-problems/{problemId}/resolved")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response resolve(@PathParam("problemId") String problemId) {
        setupProblems.resolve(problemId);
        return Response.seeOther(URI.create("/admin/directory")).build();
    }

    private TemplateInstance view(ImportReport report, String error) {
        return Templates.admin(new AdminView(directory.pending(PENDING_SHOWN), setupProblems.open(), report,
                error));
    }
}
