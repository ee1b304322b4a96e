package health.ferry.connections.smart;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Ferry's JWKS URL (SMART App Launch 2.x, confidential asymmetric clients): the public keys portals verify Ferry's
 * client assertions with. Public, no personal data; portals cache it, so a new key is published here before Ferry
 * signs with it, and a retired key leaves it (docs/connectors.md, "Rotating Ferry's keys").
 */
@Path("/.well-known/jwks.json")
public class JwksResource {
    @Inject
    SigningKeys keys;

    @GET
    @Produces("application/jwk-set+json")
    @Operation(summary = "Ferry's public signing keys (JWK Set) for portals that authenticate it by private_key_jwt")
    public Response jwks() {
        CacheControl cache = new CacheControl();
        cache.setMaxAge(3600);
        return Response.ok(Map.of("keys", keys.publicKeys())).cacheControl(cache).build();
    }
}
