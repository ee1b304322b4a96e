package health.ferry.sandbox;

import health.ferry.sandbox.SandboxAccounts.Profile;
import health.ferry.sandbox.Vocabulary.Code;
import health.ferry.sandbox.Vocabulary.Story;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Encounter;

/** The plain text of the synthetic clinical notes, in the shape of short visit notes. */
final class NoteText {
    private NoteText() {
    }

    static String checkUp(Profile patient, Encounter visit, Collection<Story> stories) {
        return note(patient, visit, "Yearly check-up.",
                "Known conditions: " + names(stories) + ". Vital signs and blood tests taken today.",
                "Stable. Continue the current medicines. See again in a year, sooner if needed.");
    }

    static String illness(Profile patient, Encounter visit, Code condition) {
        return note(patient, visit, "Unwell for two days.", "Findings consistent with " + condition.display()
                .toLowerCase() + ".", "Rest and fluids. Return if not better within a week.");
    }

    static String followUp(Profile patient, Encounter visit, Collection<Story> stories) {
        return note(patient, visit, "Follow-up of long-term conditions.", "Reviewed " + names(stories) + ".",
                "Blood pressure reviewed. No change to treatment.");
    }

    private static String note(Profile patient, Encounter visit, String reason, String findings, String plan) {
        LocalDate date = LocalDate.ofInstant(visit.getPeriod().getStart().toInstant(), ZoneOffset.UTC);
        return String.join("\n",
                ChartEntries.ORGANIZATION + " - " + visit.getTypeFirstRep().getText(),
                "Patient: " + patient.name() + " (born " + patient.birthDate() + ")",
                "Date: " + date,
                "Clinician: " + ChartEntries.CLINICIAN,
                "",
                "Reason for visit: " + reason,
                "Findings: " + findings,
                "Plan: " + plan,
                "",
                "This note is synthetic test data from the Ferry sandbox portal.",
                "");
    }

    private static String names(Collection<Story> stories) {
        return stories.stream().map(s -> s.condition().display().toLowerCase()).collect(Collectors.joining(", "));
    }
}
