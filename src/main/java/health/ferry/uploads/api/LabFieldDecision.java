package health.ferry.uploads.api;

/** A decision on one field of a proposed lab result: confirmed, corrected (with {@code value}) or dropped. */
public record LabFieldDecision(String field, String decision, String value) {
    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String CORRECTED = "corrected";
    public static final String DROPPED = "dropped";
}
