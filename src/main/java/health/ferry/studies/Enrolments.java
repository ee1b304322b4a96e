package health.ferry.studies;

import health.ferry.accounts.CurrentAccount;
import health.ferry.accounts.PersonRemoval;
import health.ferry.accounts.PersonView;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Enrols the owner or a ward in a study with their consent, and withdraws them. */
@ApplicationScoped
public class Enrolments {
    private static final char[] PSEUDONYM_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    CurrentAccount current;
    @Inject
    StudyCatalog catalog;
    @Inject
    EnrolmentRepository enrolments;
    @Inject
    ConsentEventRepository consents;
    @Inject
    Event<EnrolmentChanged> changed;
    @Inject
    Clock clock;

    /** Enrols the person at the study's current consent version; re-enrols after a withdrawal. */
    @Transactional
    public EnrolmentView enrol(String studyId, String personId, String consentVersion) {
        PersonView person = current.person(personId);
        Study study = catalog.find(studyId).orElseThrow(OutcomeException::notFound);
        if (consentVersion == null || consentVersion.isBlank()) {
            throw OutcomeException.invalid("consentVersion", "Read and accept the consent to enrol.");
        }
        if (!study.consent().version().equals(consentVersion.strip())) {
            throw new OutcomeException(Outcome.CONSENT_VERSION_MISMATCH,
                    "The study's consent has changed. Please read the current version (" + study.consent().version()
                            + ") and accept it.");
        }
        UUID by = current.account().id();
        Enrolment enrolment = enrolments.findForStudyAndPerson(study.id(), person.id()).orElse(null);
        if (enrolment != null && enrolment.isActive()) {
            throw new OutcomeException(Outcome.ALREADY_ENROLLED, "Already enrolled in this study.");
        }
        if (enrolment == null) {
            enrolment = new Enrolment(study.id(), person.id(), study.consent().version(), by,
                    newPseudonym(study.id()), clock.instant());
            enrolments.persist(enrolment);
        } else {
            enrolment.consent(study.consent().version(), by, clock.instant());
        }
        consents.persist(new ConsentEvent(enrolment, "given", by, clock.instant()));
        changed.fire(new EnrolmentChanged(current.actor(), person.id(), study.id(), enrolment.id,
                EnrolmentChanged.Change.ENROLLED, enrolment.consentVersion));
        return enrolment.view();
    }

    /** Withdraws consent; the enrolment and its consent history stay, marked withdrawn. */
    @Transactional
    public EnrolmentView withdraw(String personId, String enrolmentId) {
        PersonView person = current.person(personId);
        UUID id = CurrentAccount.parse(enrolmentId);
        Enrolment enrolment = id == null ? null : enrolments.findById(id);
        if (enrolment == null || !enrolment.personId.equals(person.id())) {
            throw current.denied("enrolment", enrolmentId, null);
        }
        if (enrolment.isActive()) {
            enrolment.withdraw(clock.instant());
            consents.persist(new ConsentEvent(enrolment, "withdrawn", current.account().id(), clock.instant()));
            changed.fire(new EnrolmentChanged(current.actor(), person.id(), enrolment.studyId, enrolment.id,
                    EnrolmentChanged.Change.WITHDRAWN, enrolment.consentVersion));
        }
        return enrolment.view();
    }

    public List<EnrolmentView> forPerson(String personId) {
        PersonView person = current.person(personId);
        return enrolments.findByPerson(person.id()).stream().map(Enrolment::view).toList();
    }

    /** Active enrolments in a study (for coordinators' counts). */
    public long activeCount(String studyId) {
        return enrolments.countActive(studyId);
    }

    /** Everyone ever enrolled in a study, with their pseudonym (for coordinators; withdrawn people included). */
    public List<StudyParticipant> participants(String studyId) {
        return enrolments.findByStudy(studyId).stream()
                .map(e -> new StudyParticipant(e.personId, e.pseudonym, e.isActive(), e.enrolledAt)).toList();
    }

    /** One person's place in a study, if they are enrolled and consent stands. */
    public java.util.Optional<StudyParticipant> activeParticipant(String studyId, UUID personId) {
        return enrolments.findForStudyAndPerson(studyId, personId).filter(Enrolment::isActive)
                .map(e -> new StudyParticipant(e.personId, e.pseudonym, true, e.enrolledAt));
    }

    /** A ward with an active enrolment stays until they are withdrawn from the study. */
    void keepEnrolledPeople(@Observes PersonRemoval removal) {
        if (enrolments.hasActive(removal.personId())) {
            throw new OutcomeException(Outcome.PERSON_HAS_ENROLMENTS,
                    "This person is enrolled in a study. Withdraw them from the study first, then remove them.");
        }
    }

    private String newPseudonym(String studyId) {
        while (true) {
            StringBuilder sb = new StringBuilder("P-");
            for (int i = 0; i < 8; i++) {
                sb.append(PSEUDONYM_ALPHABET[RANDOM.nextInt(PSEUDONYM_ALPHABET.length)]);
            }
            if (!enrolments.pseudonymTaken(studyId, sb.toString())) {
                return sb.toString();
            }
        }
    }

}
