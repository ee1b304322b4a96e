package health.ferry.uploads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** An entry or file left out on purpose (system clutter, empty file), with the engine's reason code. */
@Entity
@Table(name = "upload_skipped")
class UploadSkipped {
    @Id
    UUID id;
    @Column(name = "upload_id", nullable = false)
    UUID uploadId;
    @Column(nullable = false)
    int position;
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String reason;

    protected UploadSkipped() {
    }

    UploadSkipped(UUID uploadId, int position, String name, String reason) {
        this.id = UUID.randomUUID();
        this.uploadId = uploadId;
        this.position = position;
        this.name = UploadOriginal.shortened(name);
        this.reason = reason;
    }
}
