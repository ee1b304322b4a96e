package health.ferry.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Security headers on every response, error pages, static files and OIDC redirects included: a CSP without
 * inline script, no framing (but for a response that allows Ferry's own origin itself), nosniff, no referrer, an isolated opener, HSTS in prod, and no caching of pages.
 */
@ApplicationScoped
public class SecurityHeaders {
    static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String csp;
    private final boolean hsts;

    @Inject
    public SecurityHeaders(WebConfig config) {
        this.csp = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
                + "form-action 'self' " + String.join(" ", config.formActionOrigins());
        this.hsts = config.hsts();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 10).handler(this::addHeaders);
    }

    void addHeaders(RoutingContext rc) {
        String path = rc.request().path();
        rc.addHeadersEndHandler(v -> {
            MultiMap h = rc.response().headers();
            setIfAbsent(h, "Content-Security-Policy", csp);
            h.set("X-Content-Type-Options", "nosniff");
            // A response that may be framed by Ferry's own pages says so itself (the coordinator's sandboxed
            // document preview: SAMEORIGIN with frame-ancestors 'self'); everything else is never framed.
            setIfAbsent(h, "X-Frame-Options", "DENY");
            h.set("Referrer-Policy", "no-referrer");
            h.set("Cross-Origin-Opener-Policy", "same-origin");
            h.set("Cross-Origin-Resource-Policy", "same-origin");
            h.set("Permissions-Policy", "camera=(), microphone=(), geolocation=(), payment=()");
            if (hsts) {
                h.set("Strict-Transport-Security", HSTS);
            }
            // Ferry's own static files, and the libraries it serves from webjars (their paths carry the version).
            if (path == null || !path.startsWith("/static/") && !path.startsWith("/webjars/")) {
                setIfAbsent(h, "Cache-Control", "no-store");
            }
        });
        rc.next();
    }

    private static void setIfAbsent(MultiMap headers, String name, String value) {
        if (!headers.contains(name)) {
            headers.set(name, value);
        }
    }
}
