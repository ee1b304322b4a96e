package health.ferry.uploads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
class WarningRepository implements PanacheRepositoryBase<UploadWarning, UUID> {
    List<UploadWarning> findByUpload(UUID uploadId) {
        return list("uploadId = ?1 order by position", uploadId);
    }

    long deleteByUpload(UUID uploadId) {
        return delete("uploadId = ?1", uploadId);
    }
}
