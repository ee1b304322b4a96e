package health.ferry.review;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class ReviewRepository implements PanacheRepositoryBase<DocumentReview, UUID> {
    List<DocumentReview> findByUpload(UUID uploadId) {
        return list("uploadId = ?1", uploadId);
    }

    List<DocumentReview> findByUploads(Collection<UUID> uploadIds) {
        return uploadIds.isEmpty() ? List.of() : list("uploadId in ?1", uploadIds);
    }

    List<DocumentReview> findByStudyAndDecision(String studyId, String decision) {
        return list("studyId = ?1 and decision = ?2 order by decidedAt", studyId, decision);
    }

    long countByStudyAndDecision(String studyId, String decision) {
        return count("studyId = ?1 and decision = ?2", studyId, decision);
    }
}
