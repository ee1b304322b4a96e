package health.ferry.audit;

import health.ferry.audit.AuditChain.Verification;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** JSON API v1 for admins: verify the audit trail's hash chain now (it is also verified daily). */
@Path("/api/v1/admin/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Audit (admin)")
public class AuditChainApi {
    @Inject
    AuditChain chain;

    @GET
    @Path("verify")
    @Operation(summary = "Walk the audit trail's hash chain; answers {ok, checked, unchained, firstBroken}")
    public Verification verify() {
        return chain.verify();
    }
}
