package health.ferry.uploads;

import health.ferry.accounts.PersonView;
import health.ferry.studies.Study;
import java.util.UUID;

/**
 * The gates an upload passed: the person is the caller's, the study takes Supporting Documents, the person is
 * enrolled, and the prerequisite question was confirmed.
 *
 * @param person      the person the upload is for
 * @param study       the study it is for
 * @param enrolmentId the person's active enrolment in it
 * @param accountId   the signed-in account sending it
 * @param maxBytes    the most bytes this upload may have (the study's limit within the server's)
 */
record Admission(PersonView person, Study study, UUID enrolmentId, UUID accountId, long maxBytes) {
    String studyId() {
        return study.id();
    }

    UUID personId() {
        return person.id();
    }

    String question() {
        return study.supportingDocuments().prerequisiteQuestion();
    }
}
