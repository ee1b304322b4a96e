package health.ferry.uploads;

import java.nio.file.Path;
import java.util.List;

/**
 * One upload request as the intake sees it, free of HTTP types.
 *
 * @param studyId               the study from the path
 * @param personId              the person from the path or form
 * @param prerequisiteConfirmed the participant confirmed the study's prerequisite question with this request
 * @param idempotencyKey        the client's key for safe retries, or null
 * @param files                 the files, already streamed to disk by the HTTP layer
 */
public record Submission(String studyId, String personId, boolean prerequisiteConfirmed, String idempotencyKey,
        List<File> files) {
    public Submission {
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * One file of the request.
     *
     * @param name         the file name the client sent (a relative path for a folder): display text only
     * @param declaredType the part's content type as declared by the client, or null; never trusted alone
     * @param path         where the HTTP layer streamed it
     * @param size         its size on disk
     */
    public record File(String name, String declaredType, Path path, long size) {
    }

    long totalBytes() {
        return files.stream().mapToLong(File::size).sum();
    }
}
