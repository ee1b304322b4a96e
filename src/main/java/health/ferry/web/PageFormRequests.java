package health.ferry.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Makes quarkus-rest-csrf see every state-changing page request as the form it is, whatever its body or the case of
 * its content type. The CSRF filter (3.31) checks a token only when the media type is exactly
 * {@code application/x-www-form-urlencoded} or {@code multipart/form-data} (compared case-sensitively) and skips
 * every other request, as {@code require-form-url-encoded=false} lets JSON API calls through. So:
 * <ul>
 * <li>a form type in any case ({@code APPLICATION/X-WWW-FORM-URLENCODED}) is given in lower case, on every path
 * (the JSON API's upload takes multipart too), so it is checked like the form it is parsed as;</li>
 * <li>a page request (not {@code /api/…}, not the sandbox portal's own JSON API) with POST, PUT, DELETE or PATCH and no
 * content type at all ({@code Content-Length: 0}, or a body sent without a type) is given the form type, so the CSRF
 * filter asks for its token and refuses it (400) when there is none: a body-less form such as "remove this ward",
 * "dismiss" or "sign out" needs the token like any other.</li>
 * </ul>
 * JSON API calls are not touched (a bearer-token call needs no token; see {@link BearerApiRequests} and
 * {@link BodilessApiRequests}). A page request with another type (JSON, text) matches no page route, which all take
 * forms only, and is refused with 415 before anything runs.
 */
public class PageFormRequests {
    private static final Set<String> UNSAFE = Set.of("POST", "PUT", "DELETE", "PATCH");
    private static final Set<String> FORM_TYPES = Set.of("application/x-www-form-urlencoded", "multipart/form-data");

    @ServerRequestFilter(preMatching = true, priority = 90)
    void formsAreForms(ContainerRequestContext request) {
        if (!UNSAFE.contains(request.getMethod().toUpperCase(Locale.ROOT))) {
            return;
        }
        String type = request.getHeaderString(HttpHeaders.CONTENT_TYPE);
        if (type == null || type.isBlank()) {
            if (isPage(request.getUriInfo().getPath())) {
                request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, MediaType.APPLICATION_FORM_URLENCODED);
            }
            return;
        }
        String lower = lowerCaseFormType(type);
        if (lower != null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, lower);
        }
    }

    /** The header with its type and subtype in lower case when it names a form type in another case; else null. */
    static String lowerCaseFormType(String header) {
        int semicolon = header.indexOf(';');
        String essence = (semicolon < 0 ? header : header.substring(0, semicolon)).strip();
        String lower = essence.toLowerCase(Locale.ROOT);
        if (!FORM_TYPES.contains(lower) || lower.equals(essence)) {
            return null;
        }
        return lower + (semicolon < 0 ? "" : header.substring(semicolon));
    }

    /** A page route: anything but the JSON API and the sandbox portal's own JSON API (called server to server). */
    static boolean isPage(String path) {
        return !(path.equals("/api") || path.startsWith("/api/") || path.startsWith("/sandbox/api/"));
    }
}
