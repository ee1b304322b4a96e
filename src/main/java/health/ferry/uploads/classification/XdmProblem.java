package health.ferry.uploads.classification;

/**
 * One way an upload's XDM metadata and its files disagree: the document it concerns (an entry name, or the
 * METADATA.XML for a listed file that is missing or metadata that cannot be read), a stable code and a plain
 * sentence (codes and numbers only, never document text).
 */
public record XdmProblem(String document, String code, String message) {
    public static final String SIZE_MISMATCH = "xdm_size_mismatch";
    public static final String HASH_MISMATCH = "xdm_hash_mismatch";
    public static final String LISTED_MISSING = "xdm_listed_missing";
    public static final String UNLISTED = "xdm_unlisted";
    public static final String METADATA_UNREADABLE = "xdm_metadata_unreadable";

    /** "document: message", as a log line or a report shows it. */
    public String text() {
        return document + ": " + message;
    }
}
