package health.ferry.uploads;

import health.ferry.accounts.People;
import health.ferry.records.PortalDocuments;
import health.ferry.records.RecordCategory;
import health.ferry.studies.Enrolments;
import health.ferry.studies.Study;
import health.ferry.studies.StudyCatalog;
import health.ferry.uploads.archive.FileList;
import health.ferry.uploads.storage.BlobTooLarge;
import health.ferry.uploads.storage.StoredBlob;
import health.ferry.uploads.storage.UploadStorage;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Documents from a patient portal (DocumentReference attachments a sync fetched) become a Supporting Documents
 * upload of each study that may have them: the study takes Supporting Documents and requests documents, and the
 * person shares documents with it. From there they are processed and reviewed exactly as an uploaded file (text
 * extracted by the worker, classified, in the coordinators' review and on the participant's pages), the upload
 * naming the connection instead of a prerequisite confirmation.
 */
@ApplicationScoped
class PortalUploads implements PortalDocuments {
    private static final Logger LOG = Logger.getLogger(PortalUploads.class);

    @Inject
    StudyCatalog catalog;
    @Inject
    Enrolments enrolments;
    @Inject
    People people;
    @Inject
    UploadRecorder recorder;
    @Inject
    UploadStorage storage;
    @Inject
    OriginalRepository originals;
    @Inject
    UploadGates gates;
    @Inject
    UploadsConfig config;

    /** Syncs run on worker threads: the look-ups need a request context of their own (Hibernate's session). */
    @Override
    @ActivateRequestContext
    public boolean wanted(UUID personId) {
        return !studies(personId).isEmpty();
    }

    @Override
    @ActivateRequestContext
    public List<UUID> receive(UUID personId, UUID connectionId, List<Document> documents) {
        List<UUID> made = new ArrayList<>();
        Optional<UUID> account = people.accountOf(personId);
        if (documents.isEmpty() || account.isEmpty()) {
            return made;
        }
        for (Study study : studies(personId)) {
            Optional<UUID> enrolment = enrolments.activeEnrolmentId(study.id(), personId);
            if (enrolment.isEmpty()) {
                continue;
            }
            UploadRecorder.PortalOrigin origin = new UploadRecorder.PortalOrigin(study.id(), personId,
                    enrolment.get(), account.get(), connectionId);
            keep(origin, documents).ifPresent(made::add);
        }
        return made;
    }

    /** The studies the person's portal documents may go to now. */
    private List<Study> studies(UUID personId) {
        return catalog.all().stream().filter(s -> s.supportingDocuments().enabled()
                && s.requestedCategories().contains(RecordCategory.DOCUMENTS))
                .filter(s -> enrolments.activeParticipant(s.id(), personId)
                        .filter(p -> p.shared().categories().contains(RecordCategory.DOCUMENTS)).isPresent())
                .toList();
    }

    /** Stores what the study does not hold yet (within its upload limit) and records it as one upload. */
    private Optional<UUID> keep(UploadRecorder.PortalOrigin origin, List<Document> documents) {
        long remaining = gates.limitFor(origin.studyId()).orElse(0L);
        List<StoredBlob> blobs = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Document d : documents) {
            if (d.size() > remaining) {
                LOG.infof("portal documents of connection %s: one left out, over study %s's upload limit",
                        origin.connectionId(), origin.studyId());
                continue;
            }
            StoredBlob blob = store(d, remaining);
            boolean held = QuarkusTransaction.requiringNew().call(() -> originals.heldByStudy(origin.studyId(),
                    origin.personId(), blob.sha256()));
            if (held || blobs.stream().anyMatch(b -> b.sha256().equals(blob.sha256()))) {
                continue; // the orphan sweep removes the unused copy
            }
            blobs.add(blob);
            names.add(unique(d.name(), names));
            remaining -= blob.size();
        }
        if (blobs.isEmpty()) {
            return Optional.empty();
        }
        String shape = Upload.FILES;
        FileList.Verdict verdict = FileList.check(blobs.stream().map(b -> new FileList.File(
                names.get(blobs.indexOf(b)), b.size())).toList(), config.archive().limits());
        long size = blobs.stream().mapToLong(StoredBlob::size).sum();
        UploadRecorder.Stored stored = new UploadRecorder.Stored(new Upload.Content(shape,
                UploadIntake.blobsKey(blobs), size, null), names, blobs, verdict);
        Optional<UUID> id = recorder.recordFromPortal(origin, stored);
        for (StoredBlob blob : blobs) {
            try {
                storage.ensurePublished(blob);
            } catch (IOException e) {
                LOG.warnf("upload storage: could not confirm a stored original (%s)", e.getClass().getName());
            }
        }
        id.ifPresent(u -> LOG.infof("portal documents of connection %s: upload %s for study %s, %d documents",
                origin.connectionId(), u, origin.studyId(), blobs.size()));
        return id;
    }

    /**
     * The name, or with " (2)", " (3)" … before its extension when another document of the upload has it already
     * (a portal's notes often share a title; an upload's file names must differ, as in a folder).
     */
    static String unique(String name, List<String> taken) {
        java.util.Set<String> keys = new java.util.HashSet<>();
        taken.forEach(t -> keys.add(t.toLowerCase(java.util.Locale.ROOT)));
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String ext = dot > 0 ? name.substring(dot) : "";
        String candidate = name;
        for (int n = 2; keys.contains(candidate.toLowerCase(java.util.Locale.ROOT)); n++) {
            candidate = stem + " (" + n + ")" + ext;
        }
        return candidate;
    }

    private StoredBlob store(Document d, long maxBytes) {
        try (InputStream in = Files.newInputStream(d.path())) {
            return storage.storeOriginal(in, maxBytes);
        } catch (BlobTooLarge e) {
            throw new IllegalStateException("a portal document grew past its measured size", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
