package health.ferry.connections.smart;

import health.ferry.connections.smart.RegistrationChanges.RegistrationInput;
import health.ferry.outcome.OutcomeException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.resteasy.reactive.RestForm;

/**
 * The client registrations section of the admin's directory page ({@link RegistrationSection} fills it): save and
 * remove a registration; an invalid form is shown again (400) with one message per field, the secret never echoed.
 */
@Path("/admin/directory/client-registrations")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed("admin")
public class ClientRegistrationPages {
    static final URI BACK = URI.create("/admin/directory#client-registrations");

    @CheckedTemplate(basePath = "smart")
    static class Templates {
        static native TemplateInstance registrations(RegistrationSection.FormView form);
    }

    @Inject
    RegistrationChanges changes;
    @Inject
    RegistrationSection section;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response save(@RestForm String scope, @RestForm String portalId, @RestForm String brand,
            @RestForm String clientId, @RestForm String authMethod, @RestForm String secret, @RestForm String keyId) {
        RegistrationInput input = new RegistrationInput(clientId, authMethod, secret, keyId);
        Map<String, String> errors = new LinkedHashMap<>();
        try {
            switch (scope == null ? "" : scope) {
                case "portal" -> changes.putForPortal(portalId, input);
                case "brand" -> changes.putForBrand(brand, input);
                default -> errors.put("scope", RegistrationChanges.messages().error_scope());
            }
        } catch (OutcomeException e) {
            if (e.outcome().status() == 404) {
                errors.put("portalId", RegistrationChanges.messages().error_portal());
            } else if (e.errors().isEmpty()) {
                throw e;
            }
            e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
        }
        if (errors.isEmpty()) {
            return Response.seeOther(BACK).build();
        }
        return Response.status(400).entity(Templates.registrations(section.form(scope, portalId, brand, clientId,
                authMethod, keyId, errors))).build();
    }

    @POST
    @Path("removed")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response remove(@RestForm String portalId, @RestForm String brand) {
        if (portalId != null && !portalId.isBlank()) {
            changes.removeForPortal(portalId);
        } else {
            changes.removeForBrand(brand);
        }
        return Response.seeOther(BACK).build();
    }
}
