package health.ferry.uploads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class OriginalRepository implements PanacheRepositoryBase<UploadOriginal, UUID> {
    List<UploadOriginal> findByUpload(UUID uploadId) {
        return list("uploadId = ?1 order by position", uploadId);
    }

    /** Whether one of the person's uploads for the study already holds a file with exactly these bytes. */
    boolean heldByStudy(String studyId, UUID personId, String sha256) {
        return getEntityManager().createQuery("select count(o) from UploadOriginal o, Upload u where o.uploadId = u.id"
                + " and u.studyId = :study and u.personId = :person and o.sha256 = :sha", Long.class)
                .setParameter("study", studyId).setParameter("person", personId).setParameter("sha", sha256)
                .getSingleResult() > 0;
    }
}
