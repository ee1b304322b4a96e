package health.ferry.uploads;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
class DocumentTextRepository implements PanacheRepositoryBase<UploadDocumentText, UUID> {
    /** The stored text of a document, or empty text when none was recorded. */
    String textOf(UUID documentId) {
        return findByIdOptional(documentId).map(UploadDocumentText::text).orElse("");
    }
}
