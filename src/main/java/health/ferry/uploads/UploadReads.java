package health.ferry.uploads;

import health.ferry.uploads.classification.Classification;
import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import health.ferry.uploads.UploadView.DocumentView;
import health.ferry.uploads.UploadView.FileView;
import health.ferry.uploads.UploadView.Warning;
import health.ferry.uploads.api.DocumentDecisions;
import health.ferry.uploads.api.Problem;
import health.ferry.uploads.api.Progress;
import health.ferry.uploads.api.Review;
import health.ferry.uploads.api.SkippedView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads uploads for the people the caller acts for; anything else is 404 with an audit entry. */
@ApplicationScoped
class UploadReads {
    @Inject
    CurrentAccount current;
    @Inject
    UploadRepository uploads;
    @Inject
    OriginalRepository originals;
    @Inject
    DocumentRepository documents;
    @Inject
    SkippedRepository skipped;
    @Inject
    WarningRepository warnings;
    /** Coordinators' decisions, from review through uploads' own seam. */
    @Inject
    DocumentDecisions decisions;

    /** One upload, if the caller acts for the person it belongs to. */
    UploadView view(String uploadId) {
        UUID id = CurrentAccount.parse(uploadId);
        Upload upload = id == null ? null : uploads.findById(id);
        if (upload == null || !current.actsFor(upload.personId)) {
            throw current.denied("upload", uploadId, upload == null ? null : upload.studyId);
        }
        return view(upload);
    }

    /** A person's uploads, newest first. */
    List<UploadView> forPerson(String personId) {
        PersonView person = current.person(personId);
        return uploads.findByPerson(person.id()).stream().map(this::view).toList();
    }

    UploadView view(UUID uploadId) {
        return view(uploads.findById(uploadId));
    }

    private UploadView view(Upload u) {
        Map<UUID, Review> decided = decisions.forUpload(u.id);
        Problem rejection = u.rejectionCode == null ? null : new Problem(u.rejectionCode, u.rejectionMessage);
        Problem failure = u.failureCode == null ? null
                : new Problem(u.failureCode, UploadFailure.valueOf(u.failureCode.toUpperCase(java.util.Locale.ROOT))
                        .message());
        return new UploadView(u.id, u.studyId, u.personId, u.status.code(), new Progress(u.progressDone,
                u.progressTotal), rejection, failure, documents.findByUpload(u.id).stream().map(d -> view(d, decided.get(d.id)))
                .toList(), skipped.findByUpload(u.id).stream().map(s -> new SkippedView(s.name, s.reason)).toList(),
                originals.findByUpload(u.id).stream().map(o -> new FileView(o.name, o.sizeBytes)).toList(),
                warnings.findByUpload(u.id).stream().map(w -> new Warning(w.document, w.code, w.message)).toList(),
                u.receivedAt, u.finishedAt, u.sourceConnectionId);
    }

    private static DocumentView view(UploadDocument d, Review review) {
        return new DocumentView(d.id, d.name, d.mediaType, d.kind, d.category, d.confidence, d.evidence, d.sizeBytes,
                d.sha256, review,
                d.recordsExtracted, d.recordsNote, Classification.inWords(d.confidence), d.ocr, d.textNote());
    }
}
