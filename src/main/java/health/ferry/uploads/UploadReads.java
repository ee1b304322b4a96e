package health.ferry.uploads;

import health.ferry.uploads.classification.Classification;
import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import health.ferry.review.ReviewView;
import health.ferry.review.Reviews;
import health.ferry.uploads.UploadView.DocumentView;
import health.ferry.uploads.UploadView.FileView;
import health.ferry.uploads.UploadView.Problem;
import health.ferry.uploads.UploadView.Progress;
import health.ferry.uploads.UploadView.SkippedView;
import health.ferry.uploads.UploadView.Warning;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Reads uploads for the people the caller acts for; anything else is 404 with an audit entry. */
@ApplicationScoped
public class UploadReads {
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
    @Inject
    Reviews reviews;

    /** One upload, if the caller acts for the person it belongs to. */
    public UploadView view(String uploadId) {
        UUID id = CurrentAccount.parse(uploadId);
        Upload upload = id == null ? null : uploads.findById(id);
        if (upload == null || !current.actsFor(upload.personId)) {
            throw current.denied("upload", uploadId, upload == null ? null : upload.studyId);
        }
        return view(upload);
    }

    /** A person's uploads, newest first. */
    public List<UploadView> forPerson(String personId) {
        PersonView person = current.person(personId);
        return uploads.findByPerson(person.id()).stream().map(this::view).toList();
    }

    UploadView view(UUID uploadId) {
        return view(uploads.findById(uploadId));
    }

    private UploadView view(Upload u) {
        Map<UUID, ReviewView> decided = reviews.forUpload(u.id);
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

    private static DocumentView view(UploadDocument d, ReviewView review) {
        return new DocumentView(d.id, d.name, d.mediaType, d.kind, d.category, d.confidence, d.evidence, d.sizeBytes,
                d.sha256, review == null ? null : new UploadView.Review(review.decision(), review.reason()),
                d.recordsExtracted, d.recordsNote, Classification.inWords(d.confidence), d.ocr, d.textNote());
    }
}
