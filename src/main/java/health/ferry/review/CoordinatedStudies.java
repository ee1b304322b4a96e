package health.ferry.review;

import health.ferry.accounts.CurrentAccount;
import health.ferry.studies.Study;
import health.ferry.studies.StudyCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The one answer to "may the signed-in account coordinate this study?": only a coordinator the study's definition
 * lists. Anyone else (another study's coordinator, a participant, an admin) gets a 404 and an audit event, exactly
 * as if the study did not exist.
 */
@ApplicationScoped
public class CoordinatedStudies {
    @Inject
    CurrentAccount current;
    @Inject
    StudyCatalog catalog;

    /** The study, if the signed-in account coordinates it; otherwise 404 (audited). */
    public Study require(String studyId) {
        Study study = studyId == null ? null : catalog.find(studyId).orElse(null);
        if (study == null || !coordinates(study)) {
            throw current.denied("study", studyId == null ? "-" : studyId, study == null ? null : study.id());
        }
        return study;
    }

    /** Whether the signed-in account coordinates the study with this id (no audit). */
    public boolean coordinates(String studyId) {
        return studyId != null && catalog.find(studyId).map(this::coordinates).orElse(false);
    }

    /** Whether the signed-in account coordinates this study (no audit). */
    public boolean coordinates(Study study) {
        return current.isSignedIn() && current.account().hasRole("coordinator")
                && study.isCoordinatedBy(current.account().username());
    }
}
