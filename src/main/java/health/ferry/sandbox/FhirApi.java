package health.ferry.sandbox;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Resource;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The sandbox's FHIR R4 read API: capabilities and SMART configuration (public), then read and search of one
 * patient's records with a bearer token. Answers are {@code application/fhir+json}; errors are OperationOutcomes.
 */
@Path(SandboxUrls.FHIR_PATH)
class FhirApi {
    static final String FHIR_JSON = "application/fhir+json;charset=UTF-8";

    @Inject
    FhirReads reads;
    @Inject
    Capability capability;
    @Inject
    SandboxFhirContext fhir;
    @Inject
    SandboxRateLimit rateLimit;

    @GET
    @Path("metadata")
    public Response metadata() {
        rateLimit.count();
        return fhirJson(200, capability.statement());
    }

    @GET
    @Path(".well-known/smart-configuration")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> smartConfiguration() {
        return capability.smartConfiguration();
    }

    @GET
    @Path("{type}")
    public Response search(@PathParam("type") String type, @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @Context UriInfo uri) {
        rateLimit.count();
        return fhirJson(200, reads.search(authorization, type, uri.getQueryParameters()));
    }

    @GET
    @Path("{type}/{id}")
    public Response read(@PathParam("type") String type, @PathParam("id") String id,
            @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization,
            @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        rateLimit.count();
        Resource resource = reads.read(authorization, type, id);
        if (resource instanceof Binary binary && !wantsFhir(accept)) {
            // A Binary read without a FHIR Accept answers the document itself (FHIR R4, Binary).
            return Response.ok(binary.getContent(), binary.getContentType()).build();
        }
        return fhirJson(200, resource);
    }

    @ServerExceptionMapper
    Response refused(FhirError e) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(e.issue())
                .setDiagnostics(e.getMessage());
        Response.ResponseBuilder answer = Response.status(e.status()).type(FHIR_JSON).entity(encode(outcome));
        if (e.retryAfter() >= 0) {
            answer.header("Retry-After", e.retryAfter());
        }
        if (e.status() == 401) {
            answer.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"sandbox\""
                    + (e.bearerError() == null ? "" : ", error=\"" + e.bearerError() + "\""));
        }
        return answer.build();
    }

    private Response fhirJson(int status, IBaseResource resource) {
        return Response.status(status).type(FHIR_JSON).entity(encode(resource)).build();
    }

    private String encode(IBaseResource resource) {
        return fhir.json().encodeResourceToString(resource);
    }

    private static boolean wantsFhir(String accept) {
        return accept != null && (accept.contains("fhir+json") || accept.contains("application/json"));
    }
}
