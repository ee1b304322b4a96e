package health.ferry.records;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/**
 * The seam for documents a patient portal holds (the attachments of its DocumentReferences): sync fetches them and
 * hands them over here; uploads implements it, keeping them for review exactly as an uploaded document (sync depends
 * on records, not on uploads).
 */
public interface PortalDocuments {
    /**
     * One fetched attachment.
     *
     * @param name        a file name for people to read (the attachment's title, with an extension for its type)
     * @param contentType the content type the portal declared and served
     * @param path        where its bytes lie (the caller deletes the file afterwards)
     * @param size        its size in bytes
     */
    record Document(String name, String contentType, Path path, long size) {
    }

    /**
     * Whether any study would take this person's portal documents now (an active enrolment in a study that takes
     * Supporting Documents, requests the documents category, and with which the person shares it): if none, a sync
     * fetches no attachment.
     */
    boolean wanted(UUID personId);

    /**
     * Keeps documents fetched in one sync of one connection for each study that wants them ({@link #wanted}): one
     * upload per study, whose documents go through extraction, classification and coordinators' review. Documents a
     * study already holds (the same bytes) are left out. Answers the ids of the uploads made.
     */
    List<UUID> receive(UUID personId, UUID connectionId, List<Document> documents);
}
