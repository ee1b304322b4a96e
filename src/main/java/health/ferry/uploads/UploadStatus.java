package health.ferry.uploads;

import java.util.Locale;

/** Where an upload stands, as the API contract names it. */
enum UploadStatus {
    RECEIVED, PROCESSING, READY_FOR_REVIEW, ACCEPTED, REJECTED, FAILED;

    /** The snake_case wire and database value. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Nothing more will happen to it without a person (review) or an operator. */
    public boolean finished() {
        return this != RECEIVED && this != PROCESSING;
    }

    static UploadStatus fromCode(String code) {
        return valueOf(code.toUpperCase(Locale.ROOT));
    }
}
