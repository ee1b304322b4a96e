package health.ferry.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A JSON API action without a body ({@code POST /connections/{id}/recheck}) is a JSON request with an empty body:
 * it is treated like every other JSON request (no form CSRF token; cross-site browsers cannot send it with the
 * session cookie, which is SameSite). A body-less post to a page is a form instead ({@link PageFormRequests}).
 */
public class BodilessApiRequests {
    @ServerRequestFilter(preMatching = true, priority = 100)
    void treatAsJson(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        boolean unsafe = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod());
        boolean noType = request.getHeaderString(HttpHeaders.CONTENT_TYPE) == null;
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        boolean empty = length == null || "0".equals(length.trim());
        if (path.startsWith("/api/") && unsafe && noType && empty) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_JSON);
        }
    }
}
