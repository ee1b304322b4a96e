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
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
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

    /** The served forms by file name, read on first request; a form not built yet is not kept, so asked again. */
    private final Map<String, String> documents = new ConcurrentHashMap<>();

    @GET
    public Response describe(@QueryParam("format") String format, @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        String asked = format == null ? null : format.toLowerCase(Locale.ROOT);
        if (asked != null && !asked.equals("json") && !asked.equals("yaml")) {
            return Response.status(Response.Status.BAD_REQUEST).type("text/plain;charset=UTF-8")
                    .entity("format must be json or yaml\n").build();
        }
        boolean asJson = asked != null ? asked.equals("json") : accept != null && accept.contains("application/json");
        String document = documents.computeIfAbsent(asJson ? "openapi.json" : "openapi.yaml", this::read);
        if (document == null) {
            return Response.status(Response.Status.SERVICE_UNAVAILABLE).type("text/plain;charset=UTF-8")
                    .entity("The OpenAPI document is written by the build: run ./mvnw process-classes\n").build();
        }
        return Response.ok(document, asJson ? JSON : YAML).build();
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
