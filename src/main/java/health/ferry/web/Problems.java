package health.ferry.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import health.ferry.jobs.DatabaseOutage;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.outcome.OutcomeException.FieldError;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.MessageBundles;
import io.quarkus.security.ForbiddenException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The one mapping from failures to HTTP: RFC 9457 problem+json with a stable {@code code} under {@code /api},
 * a plain error page elsewhere. Never a stack trace; unexpected failures get a reference id that is logged.
 */
public class Problems {
    static final MediaType PROBLEM_JSON = new MediaType("application", "problem+json");
    /** Error pages say their charset, like every other page. */
    static final MediaType HTML = MediaType.TEXT_HTML_TYPE.withCharset("UTF-8");
    private static final Logger LOG = Logger.getLogger(Problems.class);
    /** What a 503 asks clients to wait before trying again. */
    static final int RETRY_AFTER_SECONDS = 30;

    /** The problem+json body of the contract. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Problem(String type, String title, int status, String detail, String code, List<FieldError> errors,
            String reference) {
    }

    /** The error page's view. */
    public record ErrorView(String title, String detail, int status, String reference) {
    }

    @CheckedTemplate(basePath = "web")
    static class Templates {
        static native TemplateInstance error(ErrorView view);
    }

    @ServerExceptionMapper
    Response outcome(OutcomeException e, UriInfo uri) {
        Response r = respond(uri, e.outcome(), e.getMessage(), e.errors(), null);
        if (e.extensions().isEmpty() || !(r.getEntity() instanceof Problem p)) {
            return r;
        }
        // Extension members sit beside the standard ones, as RFC 9457 §3.2 describes.
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", p.type());
        body.put("title", p.title());
        body.put("status", p.status());
        body.put("detail", p.detail());
        body.put("code", p.code());
        if (!p.errors().isEmpty()) {
            body.put("errors", p.errors());
        }
        body.putAll(e.extensions());
        return Response.status(r.getStatus()).type(PROBLEM_JSON).entity(body).build();
    }

    @ServerExceptionMapper
    Response violations(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage())).toList();
        return respond(uri, Outcome.VALIDATION_FAILED, "The request has invalid fields.", errors, null);
    }

    @ServerExceptionMapper
    Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return respond(uri, Outcome.MALFORMED_REQUEST, "The request body is not valid JSON for this endpoint.",
                List.of(), null);
    }

    /**
     * JSON that parses but does not fit the endpoint: a value of the wrong type ({@code "emailNotifications":
     * "maybe"}), an array where an object belongs. Quarkus' own mapper for this answers {@code application/json} in a
     * shape of its own (or an empty body); Ferry answers the contract's 400 problem+json with one field error.
     */
    @ServerExceptionMapper
    Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e.getPath());
        return respond(uri, Outcome.VALIDATION_FAILED, "The request has invalid fields.",
                List.of(new FieldError(field.isEmpty() ? "body" : field, field.isEmpty()
                        ? "Send one JSON object, as this endpoint describes." : expected(e.getTargetType()))),
                null);
    }

    /** The JSON path of the failing value: {@code emailNotifications}, {@code categories[2]}; empty for the body. */
    static String jsonPath(List<JsonMappingException.Reference> path) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : path == null ? List.<JsonMappingException.Reference>of() : path) {
            if (r.getFieldName() != null) {
                sb.append(sb.length() == 0 ? "" : ".").append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** What a field of this type takes, in words (never the value that was sent). */
    static String expected(Class<?> type) {
        if (type == null) {
            return "This value has the wrong type.";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "Use true or false.";
        }
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != char.class)) {
            return "Use a number.";
        }
        if (type == String.class || type.isEnum() || type == UUID.class) {
            return "Use a text value.";
        }
        if (type.isArray() || java.util.Collection.class.isAssignableFrom(type)) {
            return "Use a list.";
        }
        return "Use a JSON object.";
    }

    /** A role that may not use a route sees the same 404 as for anything else it may not see (no oracle). */
    @ServerExceptionMapper
    Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(uri, Outcome.NOT_FOUND, "There is nothing here, or it is not yours to see.", List.of(), null);
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status < 400 || status == 401) {
            return e.getResponse();
        }
        Outcome outcome = switch (status) {
            case 403 -> Outcome.FORBIDDEN;
            case 404 -> Outcome.NOT_FOUND;
            case 409 -> Outcome.CONFLICT;
            case 415 -> Outcome.UNSUPPORTED_MEDIA_TYPE;
            default -> status >= 500 ? Outcome.INTERNAL_ERROR : Outcome.MALFORMED_REQUEST;
        };
        String detail = switch (status) {
            case 404 -> "There is nothing here, or it is not yours to see.";
            case 405 -> "This address does not accept that method.";
            case 406 -> "This address cannot answer in the requested format.";
            case 415 -> "Send this request as " + (isApi(uri) ? "application/json." : "a form.");
            default -> status >= 500 ? "Please try again later." : "The request could not be understood.";
        };
        if (status >= 500) {
            return unexpected(e, uri);
        }
        return respond(uri, outcome, detail, List.of(), null, status);
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e, UriInfo uri) {
        if (unreadableBody(e)) {
            // The client's body, not a bug: a malformed multipart body, a form over the field limit.
            return respond(uri, Outcome.MALFORMED_REQUEST, "The form or upload could not be read. Please send it again.",
                    List.of(), null);
        }
        String reference = UUID.randomUUID().toString();
        if (databaseUnavailable(e)) {
            // An outage, not a bug: no stack trace, a reference to match the log, and when to try again.
            LOG.warnf("Database unavailable %s on %s: %s", reference, uri.getPath(), classes(e));
            Response r = respond(uri, Outcome.SERVICE_UNAVAILABLE,
                    "Ferry cannot reach its database right now. Nothing was lost; please try again in a minute.",
                    List.of(), reference);
            return Response.fromResponse(r).header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).build();
        }
        // Class names and frames only: exception messages may quote user input.
        LOG.errorf("Unexpected failure %s on %s: %s", reference, uri.getPath(), chain(e));
        return respond(uri, Outcome.INTERNAL_ERROR, "Please try again later. If it keeps happening, quote the reference.",
                List.of(), reference);
    }

    private Response respond(UriInfo uri, Outcome outcome, String detail, List<FieldError> errors, String reference) {
        return respond(uri, outcome, detail, errors, reference, outcome.status());
    }

    private Response respond(UriInfo uri, Outcome outcome, String detail, List<FieldError> errors, String reference,
            int status) {
        String title = title(outcome);
        if (isApi(uri)) {
            Problem body = new Problem("https://ferry.health/problems/" + outcome.code(), title, status, detail,
                    outcome.code(), errors, reference);
            return Response.status(status).type(PROBLEM_JSON).entity(body).build();
        }
        // Rendered here: a TemplateInstance entity would be written with the template's own "text/html", no charset.
        return Response.status(status).type(HTML)
                .entity(Templates.error(new ErrorView(title, detail, status, reference)).render()).build();
    }

    static boolean isApi(UriInfo uri) {
        return isApi(uri.getPath());
    }

    static boolean isApi(String path) {
        return path.startsWith("/api/") || path.equals("/api");
    }

    /**
     * The problem+json body of an outcome as a map, its extension members beside the standard ones, for a response
     * made outside JAX-RS ({@link DeclaredUploadSize}); the same shape the mappers here answer.
     */
    static java.util.Map<String, Object> problemBody(OutcomeException e, int status) {
        java.util.Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("type", "https://ferry.health/problems/" + e.outcome().code());
        body.put("title", title(e.outcome()));
        body.put("status", status);
        body.put("detail", e.getMessage());
        body.put("code", e.outcome().code());
        if (!e.errors().isEmpty()) {
            body.put("errors", e.errors().stream().map(f -> java.util.Map.of("field", f.field(), "message",
                    f.message())).toList());
        }
        body.putAll(e.extensions());
        return body;
    }

    /** The error page of an outcome, rendered, for a response made outside JAX-RS. */
    static String errorPage(OutcomeException e, int status) {
        return Templates.error(new ErrorView(title(e.outcome()), e.getMessage(), status, null)).render();
    }

    /** The bundle's title for an outcome (every outcome has one; a test checks it). */
    static String title(Outcome outcome) {
        WebMessages messages = MessageBundles.get(WebMessages.class);
        try {
            return (String) WebMessages.class.getMethod(outcome.messageKey()).invoke(messages);
        } catch (ReflectiveOperationException e) {
            return outcome.code();
        }
    }

    /**
     * Whether a failure is a request body that cannot be read as the form it says it is: Netty's form decoder
     * refusing it, RESTEasy's form parser past its 1,000 parameters or its multipart parser failing on the framing
     * (issue 22: these answered 500 and logged an ERROR).
     */
    static boolean unreadableBody(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (name.startsWith("io.netty.handler.codec.http.multipart.HttpPostRequestDecoder$")) {
                return true;
            }
            // RESTEasy's own form and multipart parsers: an IOException on broken framing, a RuntimeException past
            // the parameter limit (FormData.add). Thrown there, not passed through from storage or Ferry's code.
            StackTraceElement[] frames = t.getStackTrace();
            if ((t instanceof java.io.IOException || t.getClass() == RuntimeException.class) && frames.length > 0
                    && frames[0].getClassName().startsWith("org.jboss.resteasy.reactive.server.core.multipart.")) {
                return true;
            }
        }
        return false;
    }

    /** Whether a failure is the database being unreachable rather than a bug ({@link DatabaseOutage#unavailable}). */
    static boolean databaseUnavailable(Throwable e) {
        return DatabaseOutage.unavailable(e);
    }

    private static String classes(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 1000; t = t.getCause() == t ? null : t.getCause()) {
            sb.append(sb.length() == 0 ? "" : " <- ").append(t.getClass().getName());
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null) {
                sb.append(" [").append(sql.getSQLState()).append(']');
            }
        }
        return sb.toString();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String chain(Throwable e) {
        StringBuilder sb = new StringBuilder();
        for (Throwable t = e; t != null && sb.length() < 2000; t = t.getCause()) {
            sb.append(t.getClass().getName());
            if (t instanceof io.quarkus.qute.TemplateException) {
                // Template errors name expressions and templates, never data: worth logging in full.
                sb.append(": ").append(t.getMessage());
            }
            StackTraceElement[] frames = t.getStackTrace();
            for (int i = 0; i < Math.min(3, frames.length); i++) {
                sb.append(" at ").append(frames[i]);
            }
            sb.append(t.getCause() != null ? " <- " : "");
        }
        return sb.toString();
    }
}
