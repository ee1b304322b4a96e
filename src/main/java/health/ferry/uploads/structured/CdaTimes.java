package health.ferry.uploads.structured;

import health.ferry.uploads.classification.XmlTree.Node;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Period;

/** CDA timestamps ({@code TS}, {@code IVL_TS}) as FHIR dateTime and Period, keeping their precision. */
final class CdaTimes {
    private static final Pattern TS = Pattern.compile(
            "(\\d{4})(\\d{2})?(\\d{2})?(?:(\\d{2})(\\d{2})?(\\d{2})?(?:\\.\\d+)?)?([+-]\\d{4})?");

    private CdaTimes() {
    }

    /** A TS value as a FHIR dateTime, or null when absent or not a timestamp. */
    static DateTimeType dateTime(String value) {
        if (value == null) {
            return null;
        }
        Matcher m = TS.matcher(value.strip());
        if (!m.matches()) {
            return null;
        }
        StringBuilder s = new StringBuilder(m.group(1));
        if (m.group(2) != null) {
            s.append('-').append(m.group(2));
            if (m.group(3) != null) {
                s.append('-').append(m.group(3));
                if (m.group(4) != null && m.group(7) != null) {
                    String zone = m.group(7);
                    s.append('T').append(m.group(4)).append(':').append(m.group(5) == null ? "00" : m.group(5))
                            .append(':').append(m.group(6) == null ? "00" : m.group(6))
                            .append(zone, 0, 3).append(':').append(zone, 3, 5);
                }
            }
        }
        try {
            return new DateTimeType(s.toString());
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** The time of an element: its own {@code value}, else its {@code low}; null when neither. */
    static DateTimeType start(Node time) {
        if (time == null) {
            return null;
        }
        DateTimeType own = dateTime(time.attribute("value"));
        if (own != null) {
            return own;
        }
        Node low = time.child("low");
        return low == null ? null : dateTime(low.attribute("value"));
    }

    /** An IVL_TS as a Period (or a point in time as start only); null when it holds no time. */
    static Period period(Node time) {
        if (time == null) {
            return null;
        }
        Period period = new Period();
        DateTimeType start = start(time);
        if (start != null) {
            period.setStartElement(start);
        }
        Node high = time.child("high");
        DateTimeType end = high == null ? null : dateTime(high.attribute("value"));
        if (end != null) {
            period.setEndElement(end);
        }
        return period.hasStart() || period.hasEnd() ? period : null;
    }

    /** The first {@code effectiveTime} that is an interval or a point (medications also carry frequencies). */
    static Node effective(Node entry) {
        for (Node time : entry.children("effectiveTime")) {
            String type = time.attribute("type");
            if (type == null || type.endsWith("IVL_TS") || type.endsWith("TS")) {
                return time;
            }
        }
        return null;
    }
}
