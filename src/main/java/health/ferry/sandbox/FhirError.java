package health.ferry.sandbox;

import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/** A FHIR request the sandbox refuses; the FHIR API answers it as an OperationOutcome with this status. */
final class FhirError extends RuntimeException {
    private final int status;
    private final IssueType issue;
    /** For 401: the RFC 6750 error to name in WWW-Authenticate, or null when no token was sent. */
    private final String bearerError;
    private int retryAfter = -1;

    FhirError(int status, IssueType issue, String diagnostics, String bearerError) {
        super(diagnostics, null, false, false);
        this.status = status;
        this.issue = issue;
        this.bearerError = bearerError;
    }

    /** The portal is busy: 503 with {@code Retry-After} (the flaky account's first FHIR request per token). */
    static FhirError busy(int retryAfterSeconds) {
        FhirError e = new FhirError(503, IssueType.TRANSIENT, "The portal is busy. Try again shortly.", null);
        e.retryAfter = retryAfterSeconds;
        return e;
    }

    /** Too many requests: 429 with {@code Retry-After} (the sandbox's request limit, when one is set). */
    static FhirError tooMany(int retryAfterSeconds) {
        FhirError e = new FhirError(429, IssueType.THROTTLED, "Too many requests. Try again shortly.", null);
        e.retryAfter = retryAfterSeconds;
        return e;
    }

    /** Seconds for {@code Retry-After}, or -1 for none. */
    int retryAfter() {
        return retryAfter;
    }

    static FhirError notFound(String what) {
        return new FhirError(404, IssueType.NOTFOUND, what + " is not known here.", null);
    }

    static FhirError forbidden(String why) {
        return new FhirError(403, IssueType.FORBIDDEN, why, null);
    }

    static FhirError invalid(String why) {
        return new FhirError(400, IssueType.INVALID, why, null);
    }

    int status() {
        return status;
    }

    IssueType issue() {
        return issue;
    }

    String bearerError() {
        return bearerError;
    }
}
