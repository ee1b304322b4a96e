package health.ferry.uploads;

import health.ferry.uploads.classification.XdmProblem;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A mismatch between the upload's XDM metadata and its files, kept for the participant and the coordinator. */
@Entity
@Table(name = "upload_warning")
class UploadWarning {
    @Id
    UUID id;
    @Column(name = "upload_id", nullable = false)
    UUID uploadId;
    @Column(nullable = false)
    int position;
    @Column(nullable = false)
    String document;
    @Column(nullable = false)
    String code;
    @Column(nullable = false)
    String message;

    protected UploadWarning() {
    }

    UploadWarning(UUID uploadId, int position, XdmProblem problem) {
        this.id = UUID.randomUUID();
        this.uploadId = uploadId;
        this.position = position;
        this.document = UploadOriginal.shortened(problem.document());
        this.code = problem.code();
        this.message = problem.message().length() > 2000 ? problem.message().substring(0, 1999) + "…"
                : problem.message();
    }
}
