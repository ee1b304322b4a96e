package health.ferry.audit;

import health.ferry.accounts.PersonView;
import health.ferry.records.AcceptedRecords;
import health.ferry.records.Shared;
import health.ferry.studies.EnrolmentView;
import health.ferry.studies.Enrolments;
import health.ferry.studies.Study;
import health.ferry.studies.StudyCatalog;
import health.ferry.uploads.SupportingDocuments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What each study has received of one person: per study they are or were enrolled in, per category the study
 * requests, whether it is shared and how many records it covers now; when the study last exported; who of the
 * study looked at their data (the access log has the details). In audit because the exports and looks are audit
 * facts; the counts follow the same rule as the export ({@link Shared}).
 */
@ApplicationScoped
public class StudyReceipts {
    @Inject
    Enrolments enrolments;
    @Inject
    StudyCatalog catalog;
    @Inject
    AcceptedRecords records;
    @Inject
    SupportingDocuments uploads;
    @Inject
    AuditRepository entries;

    /** One category of a study: shared or not, and how many records it lets the study receive now. */
    public record Category(String category, String label, boolean shared, long records) {
    }

    /** One study. {@code lastExportAt}: null if it never exported this person's records; copies stay with it. */
    public record Received(String studyId, String title, String status, boolean reconsentRequired,
            List<Category> categories, Instant lastExportAt, List<String> viewers) {
        @com.fasterxml.jackson.annotation.JsonIgnore
        public String viewerNames() {
            return String.join(", ", viewers);
        }
    }

    /** The caller has already checked that the signed-in account acts for this person. */
    @Transactional
    public List<Received> of(PersonView person) {
        List<AuditEntry> looks = entries.findBySubjectAndPrefix(person.id(), "coordinator.", AccessLog.SHOWN);
        return enrolments.forPerson(person.id().toString()).stream()
                .filter(e -> catalog.find(e.studyId()).isPresent())
                .map(e -> received(catalog.find(e.studyId()).orElseThrow(), e, looks)).toList();
    }

    private Received received(Study study, EnrolmentView e, List<AuditEntry> looks) {
        Set<UUID> made = uploads.uploadIdsOf(e.personId(), study.id());
        Map<String, Long> counts = enrolments.activeParticipant(study.id(), e.personId())
                .map(p -> records.countByCategory(e.personId(), p.shared().withUploads(made)))
                .orElse(Map.of());
        List<Category> categories = study.requestedCategories().stream().map(c -> new Category(c.code(), c.label(),
                e.shares(c.code()) && e.isActive(), counts.getOrDefault(c.code(), 0L))).toList();
        Instant lastExport = looks.stream().filter(a -> study.id().equals(a.studyId)
                && "coordinator.export".equals(a.action)).map(a -> a.at).max(Instant::compareTo).orElse(null);
        Set<String> viewers = looks.stream().filter(a -> study.id().equals(a.studyId)).map(a -> a.actorUsername)
                .collect(Collectors.toCollection(TreeSet::new));
        return new Received(study.id(), study.title(), e.status(), e.mustReconsent(), categories, lastExport,
                List.copyOf(viewers));
    }
}
