package health.ferry.sandbox;

import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /sandbox/oauth/token} as a plain Vert.x route: OAuth clients post a form from their server, so it
 * carries no Ferry CSRF token, which every JAX-RS form endpoint requires. Registered only when the sandbox is on.
 */
@ApplicationScoped
class TokenRoute {
    static final String PATH = "/sandbox/oauth/token";
    private static final int MAX_BODY = 16 * 1024;

    private final SandboxConfig config;
    private final TokenExchange exchange;

    TokenRoute(SandboxConfig config, TokenExchange exchange) {
        this.config = config;
        this.exchange = exchange;
    }

    void register(@Observes Router router) {
        if (config.enabled()) {
            router.post(PATH).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY)).handler(this::token);
        }
    }

    void token(RoutingContext rc) {
        String type = rc.request().getHeader("Content-Type");
        TokenExchange.Answer answer;
        if (type == null || !type.toLowerCase().startsWith("application/x-www-form-urlencoded")) {
            answer = new TokenExchange.Answer(400, Map.of("error", "invalid_request",
                    "error_description", "Send the token request as application/x-www-form-urlencoded."), null);
        } else {
            answer = single(rc.request().formAttributes())
                    .map(form -> exchange.exchange(form, rc.request().getHeader("Authorization")))
                    .orElseGet(() -> new TokenExchange.Answer(400, Map.of("error", "invalid_request",
                            "error_description", "A parameter is repeated."), null));
        }
        var response = rc.response().setStatusCode(answer.status())
                .putHeader("Content-Type", "application/json;charset=UTF-8")
                .putHeader("Cache-Control", "no-store").putHeader("Pragma", "no-cache");
        if (answer.retryAfter() != null) {
            response.putHeader("Retry-After", answer.retryAfter());
        }
        if (answer.status() == 401) {
            response.putHeader("WWW-Authenticate", "Basic realm=\"sandbox\"");
        }
        response.end(new JsonObject(answer.body()).encode());
    }

    /** The form as single values; RFC 6749 forbids repeating a parameter. */
    private static Optional<Map<String, String>> single(MultiMap form) {
        Map<String, String> values = new HashMap<>();
        for (String name : form.names()) {
            if (form.getAll(name).size() > 1) {
                return Optional.empty();
            }
            values.put(name, form.get(name));
        }
        return Optional.of(values);
    }
}
