package health.ferry.uploads;

import java.util.Locale;

/** Why processing gave up on an upload (status {@code failed}); the participant's files are kept in every case. */
enum UploadFailure {
    /** The stored files could not be read or written, on every attempt. */
    STORAGE_FAILED("We could not read your files from our storage. Your files are kept; our team has been told. "
            + "You can also upload them again."),
    /** A stored original no longer has the SHA-256 it was received with: never processed, kept for operators. */
    CONTENT_CHANGED("Your files changed in our storage after they arrived, so we did not process them. Please "
            + "upload them again."),
    /** The isolated extraction worker could not be started, on every attempt. */
    EXTRACTION_UNAVAILABLE("We could not read the documents at the moment. Your files are kept; please upload them "
            + "again later."),
    /** Something unexpected failed, on every attempt. */
    PROCESSING_ERROR("Something went wrong on our side while reading your files. Your files are kept; please upload "
            + "them again later.");

    private final String message;

    UploadFailure(String message) {
        this.message = message;
    }

    /** The plain-language explanation a participant reads. */
    String message() {
        return message;
    }

    String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
