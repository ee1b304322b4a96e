package health.ferry.uploads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One file as the participant sent it (the .zip itself, or one file of several), kept under its SHA-256. */
@Entity
@Table(name = "upload_original")
class UploadOriginal {
    static final int MAX_NAME = 1024;

    @Id
    UUID id;
    @Column(name = "upload_id", nullable = false)
    UUID uploadId;
    @Column(nullable = false)
    int position;
    /** The file name or relative path the browser sent: display text only. */
    @Column(nullable = false)
    String name;
    @Column(nullable = false)
    String sha256;
    @Column(name = "size_bytes", nullable = false)
    long sizeBytes;

    protected UploadOriginal() {
    }

    UploadOriginal(UUID uploadId, int position, String name, String sha256, long sizeBytes) {
        this.id = UUID.randomUUID();
        this.uploadId = uploadId;
        this.position = position;
        this.name = shortened(name);
        this.sha256 = sha256;
        this.sizeBytes = sizeBytes;
    }

    /** Where its bytes are in upload storage. */
    String blobPath() {
        return blobPath(sha256);
    }

    /** A name as stored: at most {@link #MAX_NAME} characters (names within the limits are never cut). */
    static String shortened(String name) {
        return name.length() > MAX_NAME ? name.substring(0, MAX_NAME - 1) + "…" : name;
    }

    static String blobPath(String sha256) {
        return "originals/" + sha256.substring(0, 2) + "/" + sha256;
    }
}
