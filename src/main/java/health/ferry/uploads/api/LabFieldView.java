package health.ferry.uploads.api;

import java.time.Instant;
import java.util.List;

/** One field of a proposed lab result as the coordinator sees it. */
public record LabFieldView(String field, String proposed, String printed, String corrected, String decision,
        String value, String decidedBy, Instant decidedAt) {
    public static final String TEST = "test";
    public static final String CODE = "code";
    public static final String VALUE = "value";
    public static final String UNIT = "unit";
    public static final String RANGE = "range";
    public static final String FLAG = "flag";
    public static final String DATE = "date";
    /** Every field, in the order they are shown. */
    public static final List<String> ALL = List.of(TEST, CODE, VALUE, UNIT, RANGE, FLAG, DATE);
}
