package health.ferry.uploads;

import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonView;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.studies.EnrolmentView;
import health.ferry.studies.Enrolments;
import health.ferry.studies.Study;
import health.ferry.studies.StudyCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/**
 * The checks an upload must pass before its bytes are processed, each answering with its own outcome: not yours
 * (404), Supporting Documents off (403), not enrolled (403), prerequisite not confirmed (400), too large (413),
 * over the daily quota (429), the same bytes again (409).
 */
@ApplicationScoped
class UploadGates {
    static final Duration QUOTA_WINDOW = Duration.ofDays(1);

    @Inject
    CurrentAccount current;
    @Inject
    StudyCatalog catalog;
    @Inject
    Enrolments enrolments;
    @Inject
    UploadRepository uploads;
    @Inject
    UploadsConfig config;
    @Inject
    Clock clock;

    /** Admits an upload for that person and study, or throws the first gate it fails. */
    Admission admit(String studyId, String personId, boolean prerequisiteConfirmed) {
        PersonView person = current.person(personId);
        Study study = catalog.find(studyId).orElseThrow(OutcomeException::notFound);
        if (!study.supportingDocuments().enabled()) {
            throw new OutcomeException(Outcome.SUPPORTING_DOCUMENTS_DISABLED,
                    "This study does not accept Supporting Documents; please connect a patient portal instead.");
        }
        EnrolmentView enrolment = activeEnrolment(study.id(), person).orElseThrow(() -> new OutcomeException(
                Outcome.NOT_ENROLLED, "Enrol in this study before uploading documents for it."));
        if (!prerequisiteConfirmed) {
            throw new OutcomeException(Outcome.PREREQUISITE_NOT_CONFIRMED, "Please confirm first: \""
                    + study.supportingDocuments().prerequisiteQuestion() + "\"");
        }
        return new Admission(person, study, enrolment.id(), current.account().id(), limit(study));
    }

    /** The person's active enrolment in the study, if any. */
    Optional<EnrolmentView> activeEnrolment(String studyId, PersonView person) {
        return enrolments.forPerson(person.id().toString()).stream()
                .filter(e -> e.isActive() && e.studyId().equals(studyId)).findFirst();
    }

    /** The most bytes one upload to this study may have, if the study takes uploads at all. */
    Optional<Long> limitFor(String studyId) {
        return catalog.find(studyId).filter(s -> s.supportingDocuments().enabled()).map(this::limit);
    }

    void withinLimit(Admission admission, long bytes) {
        if (bytes > admission.maxBytes()) {
            throw tooLarge(admission.maxBytes(), bytes);
        }
    }

    /**
     * 413 {@code too_large} when the size is known: the detail names both sizes ("This upload is 1.1 GB; this study
     * accepts up to 1 GB."), and the problem carries {@code maxBytes} and {@code size} as numbers.
     */
    static OutcomeException tooLarge(long maxBytes, long size) {
        return new OutcomeException(Outcome.TOO_LARGE, "This upload is " + UploadSizes.readable(size)
                + "; this study accepts up to " + UploadSizes.readable(maxBytes) + " in one upload.")
                .with("maxBytes", maxBytes)
                .with("size", size);
    }

    /** 413 {@code too_large} found while counting a body of unknown length: only the limit is known. */
    static OutcomeException tooLarge(long maxBytes) {
        return new OutcomeException(Outcome.TOO_LARGE, "This upload is larger than this study accepts (at most "
                + UploadSizes.readable(maxBytes) + ").").with("maxBytes", maxBytes);
    }

    void withinQuota(UUID personId) {
        int quota = config.maxUploadsPerPersonPerDay();
        if (uploads.countReceivedSince(personId, clock.instant().minus(QUOTA_WINDOW)) >= quota) {
            throw new OutcomeException(Outcome.QUOTA_EXCEEDED, "At most " + quota
                    + " uploads a day are accepted for one person. Please try again tomorrow.");
        }
    }

    void notAlreadyUploaded(Admission admission, String contentSha256) {
        uploads.findSameContent(admission.studyId(), admission.personId(), contentSha256).ifPresent(earlier -> {
            throw alreadyUploaded(earlier.id);
        });
    }

    /** The problem names the earlier upload, so a client can follow it. */
    static OutcomeException alreadyUploaded(UUID earlier) {
        return new OutcomeException(Outcome.ALREADY_UPLOADED, "These files were already uploaded for this person "
                + "and study, as upload " + earlier + ".").with("uploadId", earlier.toString());
    }

    private long limit(Study study) {
        return Math.min(study.supportingDocuments().maxUploadBytes(), config.maxUploadSize().asLongValue());
    }
}
