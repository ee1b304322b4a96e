package health.ferry.uploads;

import java.util.UUID;

/** An upload was recorded (fired inside its transaction; ids only). Processing starts once it commits. */
public record UploadReceived(UUID uploadId, UUID personId, String studyId, UUID byAccount) {
}
