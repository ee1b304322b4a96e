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
}
