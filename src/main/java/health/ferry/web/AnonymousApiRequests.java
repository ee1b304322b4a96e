package health.ferry.web;

import health.ferry.outcome.Outcome;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * An API call that carries no credentials at all (no {@code Authorization} header, no session cookie) answers
 * {@code 401} problem+json with {@code WWW-Authenticate: Bearer} at once. Without this, the hybrid OIDC mechanism
 * would answer it like a page: a redirect to the sign-in server, which an API client cannot follow. Requests with
 * a session cookie still go to OIDC, which refreshes or ends that session as for pages.
 */
@ApplicationScoped
public class AnonymousApiRequests {
    void register(@Observes Router router) {
        router.route("/api/*").order(Integer.MIN_VALUE + 20).handler(this::challenge);
    }

    void challenge(RoutingContext rc) {
        if (rc.request().getHeader(HttpHeaders.AUTHORIZATION) != null || hasSession(rc)) {
            rc.next();
            return;
        }
        Outcome outcome = Outcome.NOT_AUTHENTICATED;
        JsonObject body = new JsonObject()
                .put("type", "https://ferry.health/problems/" + outcome.code())
                .put("title", Problems.title(outcome))
                .put("status", outcome.status())
                .put("detail", "Sign in, or send an access token as Authorization: Bearer.")
                .put("code", outcome.code());
        rc.response().setStatusCode(outcome.status())
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
                .end(body.encode());
    }

    private static boolean hasSession(RoutingContext rc) {
        for (Cookie c : rc.request().cookies()) {
            if (c.getName().startsWith("q_session")) {
                return true;
            }
        }
        return false;
    }
}
