package health.ferry.studies;

import static org.junit.jupiter.api.Assertions.assertEquals;

import health.ferry.records.Shared.Period;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** When records may flow to a study, from an enrolment's consent events and the study's consent versions. */
class ConsentPeriodsTest {
    static final Instant T1 = Instant.parse("2026-01-01T00:00:00Z");
    static final Instant T2 = Instant.parse("2026-02-01T00:00:00Z");
    static final Instant T3 = Instant.parse("2026-03-01T00:00:00Z");
    static final Instant T4 = Instant.parse("2026-04-01T00:00:00Z");
    static final Instant T5 = Instant.parse("2026-05-01T00:00:00Z");
    static final Instant LONG_AGO = Instant.parse("2000-01-01T00:00:00Z");

    static ConsentEvent event(String action, String version, Instant at) {
        ConsentEvent e = new ConsentEvent();
        e.action = action;
        e.consentVersion = version;
        e.at = at;
        return e;
    }

    @Test
    void consentStandingAtTheCurrentVersionFlowsFromItsMomentOn() {
        assertEquals(List.of(new Period(T1, null)), ConsentPeriods.of(List.of(event("given", "1", T1)), "1",
                Map.of("1", LONG_AGO)));
    }

    @Test
    void aSharingChangeNeitherOpensNorClosesAndAWithdrawalCloses() {
        assertEquals(List.of(new Period(T1, T3)), ConsentPeriods.of(List.of(event("given", "1", T1),
                event("sharing_changed", "1", T2), event("withdrawn", "1", T3)), "1", Map.of("1", LONG_AGO)));
    }

    @Test
    void enrollingAgainOpensANewPeriodAndTheGapStaysClosed() {
        assertEquals(List.of(new Period(T1, T2), new Period(T3, null)), ConsentPeriods.of(List.of(
                event("given", "1", T1), event("withdrawn", "1", T2), event("given", "1", T3)), "1",
                Map.of("1", LONG_AGO)));
    }

    @Test
    void aNewConsentVersionClosesThePeriodUntilTheParticipantConsentsAgain() {
        Map<String, Instant> versions = Map.of("1", LONG_AGO, "2", T2);
        assertEquals(List.of(new Period(T1, T2)), ConsentPeriods.of(List.of(event("given", "1", T1)), "2",
                versions));
        assertEquals(List.of(new Period(T1, T2), new Period(T4, null)), ConsentPeriods.of(List.of(
                event("given", "1", T1), event("reconsented", "2", T4)), "2", versions));
        assertEquals(List.of(new Period(T1, T2), new Period(T4, T5)), ConsentPeriods.of(List.of(
                event("given", "1", T1), event("reconsented", "2", T4), event("withdrawn", "2", T5)), "2",
                versions));
    }

    @Test
    void aWithdrawalBeforeTheVersionChangeEndsThePeriodFirst() {
        assertEquals(List.of(new Period(T1, T2)), ConsentPeriods.of(List.of(event("given", "1", T1),
                event("withdrawn", "1", T2)), "2", Map.of("1", LONG_AGO, "2", T3)));
    }

    @Test
    void anOlderVersionWithNoRecordedSuccessorLetsNothingFlow() {
        assertEquals(List.of(), ConsentPeriods.of(List.of(event("given", "0.9", T1)), "1", Map.of("1", LONG_AGO)));
    }
}
