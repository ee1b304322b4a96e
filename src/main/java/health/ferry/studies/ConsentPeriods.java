package health.ferry.studies;

import health.ferry.records.Shared.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The periods in which an enrolment lets records flow to its study, from its consent events: a period opens when
 * consent is given (or given again to a new version) and closes when it is withdrawn, or when the study moves to
 * another consent version than the one consented to (the re-consent gate: nothing new flows until the participant
 * consents to the new version, which opens a new period).
 */
final class ConsentPeriods {
    private ConsentPeriods() {
    }

    /**
     * @param events the enrolment's events, oldest first
     * @param current the study's current consent version
     * @param since when each recorded consent version of the study came into force
     */
    static List<Period> of(List<ConsentEvent> events, String current, Map<String, Instant> since) {
        List<Period> periods = new ArrayList<>();
        ConsentEvent open = null;
        for (ConsentEvent e : events) {
            if (open != null && (e.opens() || e.withdraws())) {
                periods.add(close(open, e.at, current, since));
                open = null;
            }
            if (e.opens()) {
                open = e;
            }
        }
        if (open != null) {
            periods.add(close(open, null, current, since));
        }
        return periods.stream().filter(p -> p.to() == null || p.from().isBefore(p.to())).toList();
    }

    /** The period an opening event starts, ended at {@code at} (null: not ended) or when its version ceased. */
    private static Period close(ConsentEvent opened, Instant at, String current, Map<String, Instant> since) {
        Instant ceased = ceased(opened.consentVersion, opened.at, current, since);
        Instant end = at == null ? ceased : ceased == null ? at : ceased.isBefore(at) ? ceased : at;
        return new Period(opened.at, end);
    }

    /**
     * When a version consented to at {@code from} stopped being the study's: the first other version in force
     * after that; null while it is the current one. A version that is not current and has no successor on record
     * (it was replaced before versions were recorded) ceased at once.
     */
    static Instant ceased(String version, Instant from, String current, Map<String, Instant> since) {
        Instant first = null;
        for (Map.Entry<String, Instant> v : since.entrySet()) {
            if (!v.getKey().equals(version) && v.getValue().isAfter(from)
                    && (first == null || v.getValue().isBefore(first))) {
                first = v.getValue();
            }
        }
        if (first == null && !version.equals(current)) {
            return from;
        }
        return first;
    }
}
