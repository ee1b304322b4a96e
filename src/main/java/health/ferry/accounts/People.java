package health.ferry.accounts;

import health.ferry.outcome.FreeText;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.outcome.OutcomeException.FieldError;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The owner adds, edits and removes the children and wards they act for. */
@ApplicationScoped
public class People {
    static final int MAX_NAME = 200;
    static final int MAX_AGE_YEARS = 130;

    @Inject
    CurrentAccount current;
    @Inject
    PersonRepository people;
    @Inject
    Event<PersonChanged> changed;
    @Inject
    Event<PersonRemoval> removal;
    @Inject
    Clock clock;
    @Inject
    WardLimits limits;

    /** The account a person belongs to (the owner who acts for them), whether or not they were removed since. */
    public java.util.Optional<UUID> accountOf(UUID personId) {
        return people.accountOf(personId);
    }

    /** A person's display name, for a study whose consent lets its coordinators see names. */
    public java.util.Optional<String> displayName(UUID personId) {
        return people.findByIdOptional(personId).map(p -> p.displayName);
    }

    /** Form or JSON input for a child or ward, validated here so pages and API answer alike. */
    public record WardForm(String displayName, String birthDate, String relationship, Boolean authorityAttested) {
    }

    @Transactional
    public PersonView add(WardForm form) {
        WardDetails details = validate(form, true);
        limits.check(current.entity().id);
        Person person = Person.dependant(current.entity().id, details, clock.instant());
        people.persist(person);
        changed.fire(new PersonChanged(current.actor(), person.id, PersonChanged.Change.ADDED));
        return person.view();
    }

    @Transactional
    public PersonView update(UUID personId, WardForm form) {
        Person person = current.owned(personId);
        WardDetails details = validate(form, !person.isSelf());
        person.update(details, clock.instant());
        people.flush();
        changed.fire(new PersonChanged(current.actor(), person.id, PersonChanged.Change.UPDATED));
        return person.view();
    }

    /** Removes a child or ward from the account; their consent history and audit trail are kept. */
    @Transactional
    public void remove(UUID personId) {
        Person person = current.owned(personId);
        if (person.isSelf()) {
            throw new OutcomeException(Outcome.SELF_PERSON_NOT_REMOVABLE,
                    "Your own profile cannot be removed from your account.");
        }
        removal.fire(new PersonRemoval(person.id));
        person.remove(clock.instant());
        changed.fire(new PersonChanged(current.actor(), person.id, PersonChanged.Change.REMOVED));
    }

    WardDetails validate(WardForm form, boolean dependant) {
        List<FieldError> errors = new ArrayList<>();
        String name = form.displayName() == null ? "" : form.displayName().strip();
        if (name.isEmpty()) {
            errors.add(new FieldError("displayName", "Enter the person's name."));
        } else if (name.length() > MAX_NAME) {
            errors.add(new FieldError("displayName", "Use at most 200 ordinary characters for the name."));
        } else if (!FreeText.isPlainLine(name)) {
            errors.add(new FieldError("displayName", FreeText.MESSAGE));
        }
        LocalDate birthDate = parseBirthDate(form.birthDate(), dependant, errors);
        Relationship relationship = Relationship.SELF;
        if (dependant) {
            relationship = Relationship.fromCode(form.relationship());
            if (relationship == null || relationship == Relationship.SELF) {
                errors.add(new FieldError("relationship", "Choose child or ward."));
            }
            if (!Boolean.TRUE.equals(form.authorityAttested())) {
                errors.add(new FieldError("authorityAttested",
                        "Confirm that you are this person's parent, legal guardian or authorised representative."));
            }
        }
        if (!errors.isEmpty()) {
            throw new OutcomeException(Outcome.VALIDATION_FAILED, "Some details need correcting.", errors);
        }
        return new WardDetails(name, birthDate, relationship);
    }

    private LocalDate parseBirthDate(String value, boolean required, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(new FieldError("birthDate", "Enter the date of birth."));
            }
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            LocalDate today = LocalDate.now(clock);
            if (date.isAfter(today) || date.isBefore(today.minusYears(MAX_AGE_YEARS))) {
                errors.add(new FieldError("birthDate", "Enter a date of birth in the past."));
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("birthDate", "Enter the date as YYYY-MM-DD."));
            return null;
        }
    }
}
