package health.ferry.uploads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class DocumentRepository implements PanacheRepositoryBase<UploadDocument, UUID> {
    List<UploadDocument> findByUpload(UUID uploadId) {
        return list("uploadId = ?1 order by entryIndex", uploadId);
    }

    long countByUpload(UUID uploadId) {
        return count("uploadId = ?1", uploadId);
    }

    List<UploadDocument> findByUploads(java.util.Collection<UUID> uploadIds) {
        return uploadIds.isEmpty() ? List.of() : list("uploadId in ?1 order by uploadId, entryIndex", uploadIds);
    }
}
