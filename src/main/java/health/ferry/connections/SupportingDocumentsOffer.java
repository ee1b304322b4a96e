package health.ferry.connections;

import health.ferry.studies.Enrolments;
import health.ferry.studies.StudyCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Whether a failed or unsupported connection can point the participant to Supporting Documents instead. */
@ApplicationScoped
class SupportingDocumentsOffer {
    @Inject
    Enrolments enrolments;
    @Inject
    StudyCatalog studies;

    boolean available(ConnectionView view) {
        boolean stuck = view.failure() != null && !view.isConnected() && !view.inProgress();
        return stuck && enrolments.forPerson(view.personId().toString()).stream()
                .filter(e -> e.isActive())
                .anyMatch(e -> studies.find(e.studyId()).map(s -> s.supportingDocuments().enabled()).orElse(false));
    }
}
