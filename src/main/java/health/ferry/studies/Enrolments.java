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
import health.ferry.records.Shared;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Enrols the owner or a ward in a study with their consent and the categories they share with it; changes what
 * they share; asks them to consent again when the study's consent changes; withdraws them.
 */
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
    ConsentVersions consentVersions;
    @Inject
    Event<EnrolmentChanged> changed;
    @Inject
    Clock clock;

    /**
     * Enrols the person at the study's current consent version, sharing these categories (null: every category the
     * study requests); re-enrols after a withdrawal; while enrolled under an older version, consents again to the
     * current one (keeping what is shared unless categories are given).
     */
    @Transactional
    public EnrolmentView enrol(String studyId, String personId, String consentVersion, List<String> categories) {
        PersonView person = current.person(personId);
        Study study = catalog.find(studyId).orElseThrow(OutcomeException::notFound);
        if (study.forChildren() && person.isSelf()) {
            throw OutcomeException.invalid("personId", "This study is for children: choose your child or ward under "
                    + "\"Acting for\" and enrol them.");
        }
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
        String action = ConsentEvent.GIVEN;
        if (enrolment != null && enrolment.isActive()) {
            if (enrolment.consentCurrent(study)) {
                throw new OutcomeException(Outcome.ALREADY_ENROLLED, "Already enrolled in this study.");
            }
            enrolment.reconsent(study.consent().version(), categories == null ? enrolment.shared(study)
                    : SharingChoice.of(study, categories));
            action = ConsentEvent.RECONSENTED;
        } else if (enrolment == null) {
            enrolment = new Enrolment(study.id(), person.id(), study.consent().version(), by,
                    newPseudonym(study.id()), clock.instant(), SharingChoice.of(study, categories));
            enrolments.persist(enrolment);
        } else {
            enrolment.consent(study.consent().version(), by, clock.instant(), SharingChoice.of(study, categories));
        }
        consents.persist(new ConsentEvent(enrolment, action, by, clock.instant()));
        changed.fire(new EnrolmentChanged(current.actor(), person.id(), study.id(), enrolment.id,
                action.equals(ConsentEvent.GIVEN) ? EnrolmentChanged.Change.ENROLLED
                        : EnrolmentChanged.Change.RECONSENTED, enrolment.consentVersion));
        return enrolment.view(study);
    }

    /** Changes what an active enrolment shares with its study, from now on; recorded as a consent event. */
    @Transactional
    public EnrolmentView share(String personId, String enrolmentId, List<String> categories) {
        Enrolment enrolment = owned(personId, enrolmentId);
        Study study = catalog.find(enrolment.studyId).orElseThrow(OutcomeException::notFound);
        if (categories == null) {
            throw OutcomeException.invalid("sharedCategories", "Say which categories to share (a list, maybe empty).");
        }
        if (!enrolment.isActive()) {
            throw new OutcomeException(Outcome.CONFLICT, "Not enrolled in this study: enrol again to share records.");
        }
        enrolment.share(SharingChoice.ofChange(study, categories));
        consents.persist(new ConsentEvent(enrolment, ConsentEvent.SHARING_CHANGED, current.account().id(),
                clock.instant()));
        changed.fire(new EnrolmentChanged(current.actor(), enrolment.personId, study.id(), enrolment.id,
                EnrolmentChanged.Change.SHARING_CHANGED, enrolment.consentVersion));
        return enrolment.view(study);
    }

    /** Withdraws consent; the enrolment and its consent history stay, marked withdrawn. */
    @Transactional
    public EnrolmentView withdraw(String personId, String enrolmentId) {
        Enrolment enrolment = owned(personId, enrolmentId);
        if (enrolment.isActive()) {
            enrolment.withdraw(clock.instant());
            consents.persist(new ConsentEvent(enrolment, ConsentEvent.WITHDRAWN, current.account().id(),
                    clock.instant()));
            changed.fire(new EnrolmentChanged(current.actor(), enrolment.personId, enrolment.studyId, enrolment.id,
                    EnrolmentChanged.Change.WITHDRAWN, enrolment.consentVersion));
        }
        return enrolment.view(catalog.find(enrolment.studyId).orElse(null));
    }

    public List<EnrolmentView> forPerson(String personId) {
        PersonView person = current.person(personId);
        return enrolments.findByPerson(person.id()).stream()
                .map(e -> e.view(catalog.find(e.studyId).orElse(null))).toList();
    }

    /** Active enrolments in a study (for coordinators' counts). */
    public long activeCount(String studyId) {
        return enrolments.countActive(studyId);
    }

    /**
     * Everyone ever enrolled in a study, with their pseudonym and what they share with it (for coordinators;
     * withdrawn people included, sharing nothing).
     */
    public List<StudyParticipant> participants(String studyId) {
        Study study = catalog.find(studyId).orElseThrow(OutcomeException::notFound);
        Map<String, Instant> versions = consentVersions.of(study.id());
        Map<UUID, List<ConsentEvent>> events = consents.findByStudy(study.id());
        return enrolments.findByStudy(studyId).stream().map(e -> participant(study, e, events.getOrDefault(e.id,
                List.of()), versions)).toList();
    }

    /** One person's place in a study, if they are enrolled and consent stands. */
    public java.util.Optional<StudyParticipant> activeParticipant(String studyId, UUID personId) {
        Study study = catalog.find(studyId).orElse(null);
        return study == null ? java.util.Optional.empty() : enrolments.findForStudyAndPerson(studyId, personId)
                .filter(Enrolment::isActive).map(e -> participant(study, e, consents.findByEnrolment(e.id),
                        consentVersions.of(study.id())));
    }

    /** The id of a person's active enrolment in a study (for work done on their behalf, with no one signed in). */
    public java.util.Optional<UUID> activeEnrolmentId(String studyId, UUID personId) {
        return enrolments.findForStudyAndPerson(studyId, personId).filter(Enrolment::isActive).map(e -> e.id);
    }

    /** The study exported these participants' records now (shown to them beside what they share). */
    @Transactional
    public void exported(String studyId, java.util.Collection<UUID> people) {
        enrolments.exported(studyId, people, clock.instant());
    }

    /** Every consent event of a study's enrolments, oldest first, as the study may know them (by pseudonym). */
    public List<ConsentRecord> consentHistory(String studyId) {
        Study study = catalog.find(studyId).orElseThrow(OutcomeException::notFound);
        List<ConsentRecord> history = new java.util.ArrayList<>();
        Map<UUID, List<ConsentEvent>> all = consents.findByStudy(study.id());
        for (Enrolment e : enrolments.findByStudy(studyId)) {
            List<ConsentEvent> events = all.getOrDefault(e.id, List.of());
            for (int i = 0; i < events.size(); i++) {
                ConsentEvent c = events.get(i);
                history.add(new ConsentRecord(c.id, e.id, e.personId, e.pseudonym, c.action, c.consentVersion, c.at,
                        c.shared(study), i == events.size() - 1));
            }
        }
        return history;
    }

    private static StudyParticipant participant(Study study, Enrolment e, List<ConsentEvent> events,
            Map<String, Instant> versions) {
        Shared shared = !e.isActive() ? new Shared(Set.of(), List.of(), Set.of())
                : new Shared(e.shared(study), ConsentPeriods.of(events, study.consent().version(), versions),
                        Set.of());
        return new StudyParticipant(e.personId, e.pseudonym, e.isActive(), e.enrolledAt, shared);
    }

    private Enrolment owned(String personId, String enrolmentId) {
        PersonView person = current.person(personId);
        UUID id = CurrentAccount.parse(enrolmentId);
        Enrolment enrolment = id == null ? null : enrolments.findById(id);
        if (enrolment == null || !enrolment.personId.equals(person.id())) {
            throw current.denied("enrolment", enrolmentId, null);
        }
        return enrolment;
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
