package health.ferry.uploads;

import java.util.UUID;

/** An upload was recorded (fired inside its transaction; ids only). Processing starts once it commits. */
record UploadReceived(UUID uploadId, UUID personId, String studyId, UUID byAccount) {
}
