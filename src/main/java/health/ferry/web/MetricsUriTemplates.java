package health.ferry.web;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * HTTP metrics are tagged by route template, never by a raw path that carries a person's id. Quarkus tags a request
 * with the template RESTEasy matched ({@code /api/v1/people/{personId}/access-log}); a request answered before
 * matching (the 401 of {@link AnonymousApiRequests}, a sign-in redirect, a CSRF refusal) has no template, and Quarkus
 * would tag it with its path as sent (issue 22: {@code uri="/api/v1/people/ffd37959-…/access-log"} on
 * {@code /q/metrics}). So every request starts with a stand-in template: its path with each segment that is not a
 * plain lower-case word ({@code api}, {@code v1}, {@code access-log}) replaced by {@code {id}}. RESTEasy replaces it
 * with the real template once a resource matches.
 */
@ApplicationScoped
public class MetricsUriTemplates {
    /** The context-local key Quarkus' HTTP metrics read the matched template from (RESTEasy sets it too). */
    static final String TEMPLATE_KEY = "UrlPathTemplate";
    private static final Pattern WORD = Pattern.compile("[a-z][a-z0-9]{0,2}|[a-z][a-z-]{0,39}|\\.well-known");

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 5).handler(this::standIn);
    }

    void standIn(RoutingContext rc) {
        if (rc.request() instanceof HttpServerRequestInternal request && request.context() != null) {
            request.context().putLocal(TEMPLATE_KEY, template(rc.normalizedPath()));
        }
        rc.next();
    }

    /** The path with every segment that could be an id (a UUID, a number, a pseudonym, a file name) as {@code {id}}. */
    static String template(String path) {
        if (path == null || path.isEmpty()) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < segments.length; i++) {
            String segment = segments[i];
            out.append('/').append(segment.isEmpty() || WORD.matcher(segment).matches() ? segment : "{id}");
        }
        return out.length() == 0 ? "/" : out.toString();
    }
}
