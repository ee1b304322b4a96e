package health.ferry.uploads.api;

import java.util.List;
import java.util.UUID;

/** One proposed lab result with its fields in the order test, code, value, unit, range, flag, date. */
public record LabResultView(UUID id, UUID documentId, int position, int page, String outcome, String recordId,
        List<LabFieldView> fields) {
    /** Outcome of a result some field of which waits for a coordinator. */
    public static final String PENDING = "pending";
    /** Outcome of a result that became a pending record for the participant. */
    public static final String RECORDED = "recorded";
    /** Outcome of a confirmed result the participant's record settings leave out. */
    public static final String LEFT_OUT = "left_out";
    /** Outcome of a result whose test or value was dropped. */
    public static final String DROPPED = "dropped";
}
