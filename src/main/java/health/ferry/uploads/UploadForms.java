package health.ferry.uploads;

import java.util.List;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Turns a multipart upload (API or page form) into the intake's {@link Submission}. */
final class UploadForms {
    private UploadForms() {
    }

    static Submission submission(String studyId, String personId, String prerequisiteConfirmed, String key,
            List<FileUpload> files) {
        boolean confirmed = "true".equalsIgnoreCase(prerequisiteConfirmed) || "on".equals(prerequisiteConfirmed);
        return new Submission(studyId, personId, confirmed, key, files == null ? List.of() : files.stream()
                // A form's file input left empty still sends a part, with no name and no bytes.
                .filter(f -> f.fileName() != null && !f.fileName().isEmpty() || f.size() > 0)
                .map(f -> new Submission.File(f.fileName() == null || f.fileName().isEmpty() ? "file" : f.fileName(),
                        f.contentType(), f.uploadedFile(), f.size()))
                .toList());
    }
}
