package health.ferry.uploads;

import health.ferry.outcome.OutcomeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers 413 {@code too_large} from the declared Content-Length alone, before any of the body is read, when an
 * upload is plainly over its study's limit. It must answer before Quarkus' own ceiling
 * ({@code quarkus.http.limits.max-body-size}), which refuses a larger declared length with a bare 413 and no body, and
 * before a resource with form parameters reads its whole multipart body: the web layer asks it from a route that runs
 * ahead of both ({@code web.DeclaredUploadSize}). A body without a length is counted as it is stored.
 */
@ApplicationScoped
class UploadSizeGate {
    /** Multipart framing and the small form fields around the files. */
    static final long FRAMING_ALLOWANCE = 64 * 1024;
    private static final Pattern UPLOAD_PATHS = Pattern.compile(
            "/api/v1/studies/([^/]+)/people/[^/]+/supporting-documents/?|/supporting-documents/([^/]+)/uploads/?");

    @Inject
    UploadGates gates;

    /** The refusal of an upload request whose declared length is over its study's limit; empty for anything else. */
    public Optional<OutcomeException> declaredTooLarge(String method, String path, String contentLength) {
        if (!"POST".equals(method) || contentLength == null || path == null) {
            return Optional.empty();
        }
        Matcher upload = UPLOAD_PATHS.matcher(path);
        if (!upload.matches()) {
            return Optional.empty();
        }
        long declared;
        try {
            declared = Long.parseLong(contentLength.strip());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        String studyId = upload.group(1) != null ? upload.group(1) : upload.group(2);
        return gates.limitFor(studyId).filter(limit -> declared > limit + FRAMING_ALLOWANCE)
                .map(limit -> UploadGates.tooLarge(limit, declared));
    }
}
