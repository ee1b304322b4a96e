package health.ferry.web;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.core.http.impl.ServerCookie;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The CSRF cookie is {@code SameSite=Strict}: a second line behind the token, so no other site's form or script
 * even sends it. quarkus-rest-csrf (3.31) has no SameSite setting and writes its cookie without one, so the attribute
 * is added to that cookie as the response's headers are written, whichever route set it. Strict costs nothing here:
 * the cookie only pairs with the token of a form Ferry itself served, and a page reached from another site (a link
 * in an email, the return from sign-in) is served with a fresh pair.
 */
@ApplicationScoped
public class CsrfCookieSameSite {
    @ConfigProperty(name = "quarkus.rest-csrf.cookie-name", defaultValue = "csrf-token")
    String cookieName;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 11).handler(this::strict);
    }

    void strict(RoutingContext rc) {
        rc.addHeadersEndHandler(v -> {
            for (Cookie cookie : rc.request().cookies(cookieName)) {
                // Only the cookie this response sets; the one the browser sent is not sent back.
                if (cookie instanceof ServerCookie sent && !sent.isFromUserAgent()) {
                    cookie.setSameSite(CookieSameSite.STRICT);
                }
            }
        });
        rc.next();
    }
}
