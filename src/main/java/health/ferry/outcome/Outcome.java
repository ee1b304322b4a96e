package health.ferry.outcome;

/**
 * Ferry's one outcome vocabulary: every error a participant, coordinator or client can meet, with its stable
 * machine code (as in the API contract) and the HTTP status it maps to. The database stores the code, never text.
 */
public enum Outcome {
    VALIDATION_FAILED("validation_failed", 400),
    MALFORMED_REQUEST("malformed_request", 400),
    NOT_AUTHENTICATED("not_authenticated", 401),
    FORBIDDEN("forbidden", 403),
    NOT_FOUND("not_found", 404),
    CONFLICT("conflict", 409),
    UNSUPPORTED_MEDIA_TYPE("unsupported_media_type", 415),
    SELF_PERSON_NOT_REMOVABLE("self_person_not_removable", 409),
    PERSON_HAS_ENROLMENTS("person_has_enrolments", 409),
    AUTHORITY_NOT_ATTESTED("authority_not_attested", 400),
    ALREADY_ENROLLED("already_enrolled", 409),
    /** The person already has a working connection to this portal: a new attempt would put it at risk. */
    ALREADY_CONNECTED("already_connected", 409),
    CONSENT_VERSION_MISMATCH("consent_version_mismatch", 409),
    NOT_ENROLLED("not_enrolled", 403),
    CONCURRENT_CHANGE("concurrent_change", 409),
    ALREADY_DECIDED("already_decided", 409),
    PREREQUISITE_NOT_CONFIRMED("prerequisite_not_confirmed", 400),
    SUPPORTING_DOCUMENTS_DISABLED("supporting_documents_disabled", 403),
    TOO_LARGE("too_large", 413),
    ALREADY_UPLOADED("already_uploaded", 409),
    /** An Idempotency-Key sent again with other content: the key names one request, not a slot to overwrite. */
    IDEMPOTENCY_KEY_REUSED("idempotency_key_reused", 422),
    QUOTA_EXCEEDED("quota_exceeded", 429),
    NOT_AN_ARCHIVE("not_an_archive", 415),
    /** Documents cannot be read here now (the extraction worker does not start): uploads wait rather than pile up. */
    UPLOADS_PAUSED("uploads_paused", 503),
    /** Too many of one kind of request from one account in a while (wards, portal requests); try again later. */
    RATE_LIMITED("rate_limited", 429),
    /** The account acts for as many people as one account may. */
    PEOPLE_LIMIT_REACHED("people_limit_reached", 400),
    /** A portal request that copies a listed portal's name or website host: choose the listed portal. */
    PORTAL_ALREADY_LISTED("portal_already_listed", 409),
    INTERNAL_ERROR("internal_error", 500),
    /** The database (or another part Ferry cannot work without) is briefly unreachable: try again shortly. */
    SERVICE_UNAVAILABLE("service_unavailable", 503);

    private final String code;
    private final int status;

    Outcome(String code, int status) {
        this.code = code;
        this.status = status;
    }

    /** The stable snake_case code clients and the database see. */
    public String code() {
        return code;
    }

    /** The HTTP status this outcome answers with. */
    public int status() {
        return status;
    }

    /** Message bundle key for the plain-language title of this outcome. */
    public String messageKey() {
        return "outcome_" + code;
    }
}
