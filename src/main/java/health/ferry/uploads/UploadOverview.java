package health.ferry.uploads;

import health.ferry.accounts.PersonView;
import health.ferry.studies.EnrolmentView;
import health.ferry.studies.Enrolments;
import health.ferry.studies.Study;
import health.ferry.studies.StudyCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Objects;

/** Builds what the Supporting Documents pages show for the person being acted for. */
@ApplicationScoped
class UploadOverview {
    /** A study the person may upload to, and whether its prerequisite question is confirmed. */
    public record StudyPanel(String studyId, String title, String question, boolean confirmed, String limit,
            long maxBytes) {
    }

    /** One upload in a list, with its study's title. */
    public record UploadRow(UploadView upload, String studyTitle) {
        public String firstName() {
            return upload.files().isEmpty() ? "" : upload.files().get(0).name();
        }

        public int more() {
            return Math.max(0, upload.files().size() - 1);
        }
    }

    /** The overview: studies to upload to, then everything uploaded (My data); {@code error} after a failed post. */
    public record OverviewView(PersonView person, List<StudyPanel> studies, List<UploadRow> uploads, String error,
            String errorStudy, boolean paused) {
    }

    @Inject
    UploadGates gates;
    @Inject
    Prerequisites prerequisites;
    @Inject
    UploadReads reads;
    @Inject
    Enrolments enrolments;
    @Inject
    StudyCatalog catalog;
    @Inject
    ExtractionReadiness readiness;

    OverviewView of(PersonView person, String error, String errorStudy) {
        List<StudyPanel> studies = enrolments.forPerson(person.id().toString()).stream()
                .filter(EnrolmentView::isActive)
                .map(e -> catalog.find(e.studyId()).orElse(null)).filter(Objects::nonNull)
                .filter(s -> s.supportingDocuments().enabled())
                .map(s -> panel(s, person)).toList();
        List<UploadRow> uploads = reads.forPerson(person.id().toString()).stream().map(this::row).toList();
        return new OverviewView(person, studies, uploads, error, errorStudy, readiness.paused());
    }

    UploadRow row(UploadView upload) {
        return new UploadRow(upload, catalog.find(upload.studyId()).map(Study::title).orElse(upload.studyId()));
    }

    private StudyPanel panel(Study study, PersonView person) {
        Admission admission = gates.admit(study.id(), person.id().toString(), true);
        return new StudyPanel(study.id(), study.title(), admission.question(), prerequisites.confirmed(admission),
                UploadSizes.readable(admission.maxBytes()), admission.maxBytes());
    }
}
