package health.ferry.connections.smart;

import health.ferry.connections.smart.RegistrationChanges.RegistrationInput;
import health.ferry.connections.smart.RegistrationChanges.RegistrationView;
import health.ferry.connections.smart.SigningKeys.SigningKeyView;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * JSON API v1 for admins: Ferry's client registrations per portal or per brand (EHR vendor), and Ferry's signing
 * keys. Secrets are write-only: no answer carries one.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@Tag(name = "Client registrations (admin)")
public class ClientRegistrationsApi {
    @Inject
    RegistrationChanges changes;
    @Inject
    SigningKeys keys;

    /** A list answer as the contract spells it. */
    public record Registrations(List<RegistrationView> items, long total) {
    }

    /** Ferry's signing keys. */
    public record SigningKeyList(List<SigningKeyView> items, long total) {
    }

    @GET
    @Path("client-registrations")
    @Operation(summary = "Ferry's client registrations, portals' first then brands'; whether a secret is stored, "
            + "never the secret")
    public Registrations list() {
        List<RegistrationView> items = changes.list();
        return new Registrations(items, items.size());
    }

    @PUT
    @Path("portals/{portalId}/client-registration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace Ferry's registration at one portal: {clientId, authMethod: public|"
            + "client_secret_basic|private_key_jwt, secret (client_secret_basic; omit to keep the stored one), keyId "
            + "(private_key_jwt)}")
    public RegistrationView putForPortal(@PathParam("portalId") String portalId, RegistrationInput body) {
        return changes.putForPortal(portalId, body);
    }

    @DELETE
    @Path("portals/{portalId}/client-registration")
    @Operation(summary = "Remove Ferry's registration at one portal (its brand's or the configuration's applies)")
    public Response removeForPortal(@PathParam("portalId") String portalId) {
        changes.removeForPortal(portalId);
        return Response.noContent().build();
    }

    @PUT
    @Path("brands/{brand}/client-registration")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace Ferry's registration for every portal of an EHR vendor (e.g. epic), "
            + "used where a portal has none of its own")
    public RegistrationView putForBrand(@PathParam("brand") String brand, RegistrationInput body) {
        return changes.putForBrand(brand, body);
    }

    @DELETE
    @Path("brands/{brand}/client-registration")
    @Operation(summary = "Remove Ferry's registration for an EHR vendor")
    public Response removeForBrand(@PathParam("brand") String brand) {
        changes.removeForBrand(brand);
        return Response.noContent().build();
    }

    @GET
    @Path("signing-keys")
    @Operation(summary = "Ferry's signing keys (ferry.jwks.keys) by kid: algorithm, retired or not, how many "
            + "registrations sign with each")
    public SigningKeyList signingKeys() {
        List<SigningKeyView> items = keys.list();
        return new SigningKeyList(items, items.size());
    }

    @POST
    @Path("signing-keys/{kid}/retired")
    @Operation(summary = "Retire a signing key after a rotation: it leaves the JWKS; refused (409) while a "
            + "registration signs with it")
    public SigningKeyView retire(@PathParam("kid") String kid) {
        return keys.retire(kid);
    }
}
