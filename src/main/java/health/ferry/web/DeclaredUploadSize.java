package health.ferry.web;

import health.ferry.outcome.OutcomeException;
import health.ferry.uploads.SupportingDocuments;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * An upload whose declared length is over its study's limit is refused with 413 {@code too_large} in Ferry's own
 * shape (problem+json under {@code /api}, the error page elsewhere) before any of its body is read. This route runs
 * ahead of Quarkus' body ceiling ({@code quarkus.http.limits.max-body-size}, order -2), which would otherwise answer a
 * length above it (1.1 GB) with a bare 413 and no body, and ahead of the multipart reading. A request with no
 * credentials at all to the API still gets its 401 first ({@link AnonymousApiRequests}). The connection is closed
 * once answered rather than left to receive a body nobody reads.
 */
@ApplicationScoped
public class DeclaredUploadSize {
    @Inject
    SupportingDocuments gate;

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 25).handler(this::check);
    }

    void check(RoutingContext rc) {
        Optional<OutcomeException> refused = gate.declaredTooLarge(rc.request().method().name(), rc.normalizedPath(),
                rc.request().getHeader(HttpHeaders.CONTENT_LENGTH));
        if (refused.isEmpty()) {
            rc.next();
            return;
        }
        OutcomeException e = refused.get();
        int status = e.outcome().status();
        if (rc.request().version() != HttpVersion.HTTP_2) {
            rc.response().putHeader(HttpHeaders.CONNECTION, "close");
            rc.addEndHandler(done -> rc.request().connection().close());
        }
        rc.response().setStatusCode(status);
        if (Problems.isApi(rc.normalizedPath())) {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, Problems.PROBLEM_JSON.toString())
                    .end(new JsonObject(Problems.problemBody(e, status)).encode());
        } else {
            rc.response().putHeader(HttpHeaders.CONTENT_TYPE, Problems.HTML.toString())
                    .end(Problems.errorPage(e, status));
        }
    }
}
