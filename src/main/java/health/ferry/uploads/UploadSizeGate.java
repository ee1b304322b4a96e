package health.ferry.uploads;

import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Answers 413 {@code too_large} from the declared Content-Length alone, before any of the body is read, when an
 * upload is plainly over its study's limit. Runs before matching, because a resource with form parameters has
 * its whole multipart body read before any other filter. A body without a length is counted as it is stored.
 */
public class UploadSizeGate {
    /** Multipart framing and the small form fields around the files. */
    static final long FRAMING_ALLOWANCE = 64 * 1024;
    private static final Pattern UPLOAD_PATHS = Pattern.compile(
            "/api/v1/studies/([^/]+)/people/[^/]+/supporting-documents/?|/supporting-documents/([^/]+)/uploads/?");

    @Inject
    UploadGates gates;

    @ServerRequestFilter(preMatching = true, priority = 150)
    void declaredTooLarge(ContainerRequestContext request, RoutingContext routing) {
        if (!"POST".equals(request.getMethod())) {
            return;
        }
        Matcher path = UPLOAD_PATHS.matcher(request.getUriInfo().getPath());
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (!path.matches() || length == null) {
            return;
        }
        long declared;
        try {
            declared = Long.parseLong(length.strip());
        } catch (NumberFormatException e) {
            return;
        }
        String studyId = path.group(1) != null ? path.group(1) : path.group(2);
        gates.limitFor(studyId).filter(limit -> declared > limit + FRAMING_ALLOWANCE).ifPresent(limit -> {
            // The body is never read: close an HTTP/1 connection once answered rather than let the client go on.
            if (routing.request().version() != HttpVersion.HTTP_2) {
                routing.response().putHeader("Connection", "close");
                routing.addEndHandler(done -> routing.request().connection().close());
            }
            throw UploadGates.tooLarge(declared, limit);
        });
    }
}
