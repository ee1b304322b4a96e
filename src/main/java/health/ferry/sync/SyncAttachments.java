package health.ferry.sync;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** The record of what syncs made of DocumentReference attachments ({@link SyncAttachment}). */
@ApplicationScoped
class SyncAttachments implements PanacheRepositoryBase<SyncAttachment, UUID> {
    @Inject
    Clock clock;

    /** Whether this attachment of this version of the DocumentReference was fetched before. */
    @Transactional
    boolean fetchedBefore(UUID connectionId, DocumentAttachments.Found found) {
        return count("connectionId = ?1 and documentId = ?2 and documentVersion = ?3 and position = ?4 and outcome = ?5",
                connectionId, found.documentId(), found.version(), found.position(), SyncAttachment.FETCHED) > 0;
    }

    @Transactional
    void record(UUID connectionId, UUID runId, DocumentAttachments.Found found, String outcome, Long size) {
        persist(new SyncAttachment(connectionId, runId, found, outcome, size, clock.instant()));
    }

    /** What one run made of the attachments it met, in the order it met them. */
    @Transactional
    List<SyncAttachment> ofRun(UUID runId) {
        return list("syncRunId = ?1 order by recordedAt, documentId, position", runId);
    }
}
