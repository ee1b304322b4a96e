package health.ferry.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.Locale;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;

/**
 * An API request authenticated by a bearer token alone needs no CSRF token: CSRF abuses credentials a browser adds
 * by itself (cookies), and a cross-site page cannot set an {@code Authorization} header without a CORS preflight,
 * which Ferry never grants. Browser sessions stay fully protected: a request carrying any cookie at all (the session
 * cookie, the CSRF cookie) is checked as before, also when it has a bearer token too.
 *
 * <p>quarkus-rest-csrf (3.31) checks every form and multipart POST and has no per-request switch; it skips the check
 * only for bodies that are not forms (with {@code require-form-url-encoded=false}). So for a cookie-less bearer API
 * request the form type is hidden from its filter and given back right after; the form has already been read by
 * then. RESTEasy Reactive runs {@link WithFormRead} filters after reading the form, and
 * their order among themselves is not the priority order in every version (3.31 reverses it). So one toggle stands
 * on both sides of the CSRF filter (priority {@link Priorities#USER}): whichever runs first hides the type, the
 * other restores it, before any parameter is bound.
 */
public class BearerApiRequests {
    private static final String HIDDEN_TYPE = "application/x-ferry-bearer-form";
    private static final String ORIGINAL_TYPE = BearerApiRequests.class.getName() + ".contentType";

    @WithFormRead
    @ServerRequestFilter(priority = Priorities.USER - 1)
    void before(ContainerRequestContext request) {
        toggle(request);
    }

    @WithFormRead
    @ServerRequestFilter(priority = Priorities.USER + 1)
    void after(ContainerRequestContext request) {
        toggle(request);
    }

    private static void toggle(ContainerRequestContext request) {
        Object original = request.getProperty(ORIGINAL_TYPE);
        if (original != null) {
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, original.toString());
            request.removeProperty(ORIGINAL_TYPE);
        } else if (bearerOnly(request) && isForm(request.getMediaType())) {
            request.setProperty(ORIGINAL_TYPE, request.getHeaderString(HttpHeaders.CONTENT_TYPE));
            request.getHeaders().putSingle(HttpHeaders.CONTENT_TYPE, HIDDEN_TYPE);
        }
    }

    /** An API call with {@code Authorization: Bearer …} and no cookie of any kind. */
    static boolean bearerOnly(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        return request.getUriInfo().getPath().startsWith("/api/") && authorization != null
                && authorization.length() > 7 && authorization.substring(0, 7).toLowerCase(Locale.ROOT).equals("bearer ")
                && request.getHeaderString(HttpHeaders.COOKIE) == null;
    }

    private static boolean isForm(MediaType type) {
        return type != null && (type.isCompatible(MediaType.APPLICATION_FORM_URLENCODED_TYPE)
                || type.isCompatible(MediaType.MULTIPART_FORM_DATA_TYPE)) && !type.isWildcardType()
                && !type.isWildcardSubtype();
    }
}
