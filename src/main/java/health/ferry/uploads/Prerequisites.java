package health.ferry.uploads;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;

/** Records that a participant confirmed a study's prerequisite question for a person, and tells whether they have. */
@ApplicationScoped
class Prerequisites {
    @Inject
    ConfirmationRepository confirmations;
    @Inject
    Clock clock;

    /** Whether the current wording of the question was confirmed for this person. */
    boolean confirmed(Admission admission) {
        return confirmations.findCurrent(admission.studyId(), admission.personId(), admission.question()).isPresent();
    }

    /** The confirmation of the current wording, recorded now (who, when, study, person) if there is none yet. */
    @Transactional
    PrerequisiteConfirmation confirm(Admission admission) {
        return confirmations.findCurrent(admission.studyId(), admission.personId(), admission.question())
                .orElseGet(() -> {
                    PrerequisiteConfirmation confirmation = new PrerequisiteConfirmation(admission.studyId(),
                            admission.personId(), admission.question(), admission.accountId(), clock.instant());
                    confirmations.persist(confirmation);
                    return confirmation;
                });
    }
}
