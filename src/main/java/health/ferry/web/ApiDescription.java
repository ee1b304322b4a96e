package health.ferry.web;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /q/openapi}: the OpenAPI document of Ferry's JSON API, in YAML unless JSON is asked for
 * ({@code ?format=json}, or an {@code Accept} header naming {@code application/json} and no {@code format}).
 *
 * <p>The build writes both forms (SmallRye's OpenAPI Maven plugin with {@link ApiDocumentFilter}, into
 * {@value #FOLDER}); this resource reads them once, on the first request, and fills in the OIDC provider's discovery
 * URL. Nothing about the document is prepared while Ferry starts.
 */
@Path("/q/openapi")
public class ApiDescription {
    static final String FOLDER = "META-INF/ferry-openapi/";
    private static final String JSON = "application/json;charset=UTF-8";
    private static final String YAML = "application/yaml;charset=UTF-8";

    @ConfigProperty(name = "quarkus.oidc.auth-server-url")
    Optional<String> issuer;

    private volatile String json;
    private volatile String yaml;

    @GET
    public Response describe(@QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        boolean asJson = format != null ? "json".equals(format.toLowerCase(Locale.ROOT))
                : accept != null && accept.contains("application/json");
        if (format != null && !asJson && !"yaml".equals(format.toLowerCase(Locale.ROOT))) {
            return Response.status(Response.Status.BAD_REQUEST).type("text/plain;charset=UTF-8")
                    .entity("format must be json or yaml\n").build();
        }
        String document = asJson ? json() : yaml();
        if (document == null) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type("text/plain;charset=UTF-8")
                    .entity("The OpenAPI document is written by the build: run ./mvnw process-classes\n").build();
        }
        return Response.ok(document, asJson ? JSON : YAML).build();
    }

    private String json() {
        String document = json;
        if (document == null) {
            json = document = read("openapi.json");
        }
        return document;
    }

    private String yaml() {
        String document = yaml;
        if (document == null) {
            yaml = document = read("openapi.yaml");
        }
        return document;
    }

    private String read(String name) {
        try (InputStream in = ApiDescription.class.getClassLoader().getResourceAsStream(FOLDER + name)) {
            if (in == null) {
                return null; // not built yet (dev mode straight after a clean): asked again on the next request
            }
            String document = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String discovery = issuer.map(url -> url.replaceAll("/+$", "") + "/.well-known/openid-configuration")
                    .orElse("");
            return document.replace(ApiDocumentFilter.OIDC_URL_PLACEHOLDER, discovery);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
