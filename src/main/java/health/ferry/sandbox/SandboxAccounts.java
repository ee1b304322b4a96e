package health.ferry.sandbox;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The sandbox portal's fixed accounts (password {@code demo}), each showing one behaviour of a real portal, as in
 * the contract's sandbox table. The people are synthetic.
 */
final class SandboxAccounts {
    static final String PASSWORD = "demo";

    /** What signing in to an account does. */
    enum Behaviour { CONNECTS, TWO_FACTOR, PROFILES, TERMS, PASSWORD_EXPIRED, LOCKED, FLAKY, SHORT_LIVED, STRICT_ROTATION }

    /** One patient behind an account; {@code id} is the FHIR Patient id. */
    record Profile(String id, String given, String family, LocalDate birthDate, String gender, boolean hasRecords) {
        String name() {
            return given + " " + family;
        }
    }

    record Account(String username, Behaviour behaviour, List<Profile> profiles) {
        Optional<Profile> profile(String profileId) {
            return profiles.stream().filter(p -> p.id().equals(profileId)).findFirst();
        }
    }

    static final List<Account> ALL = List.of(
            account("demo", Behaviour.CONNECTS, person("sbx-demo", "Jordan", "Rivers", "1978-03-14", "female")),
            account("twofactor", Behaviour.TWO_FACTOR, person("sbx-twofactor", "Taylor", "Brooks", "1985-11-02",
                    "male")),
            new Account("family", Behaviour.PROFILES, List.of(
                    person("sbx-sam-carter", "Sam", "Carter", "2014-05-02", "male"),
                    person("sbx-alice-carter", "Alice", "Carter", "1984-02-11", "female"))),
            account("terms", Behaviour.TERMS, person("sbx-terms", "Riley", "Chen", "1990-06-30", "female")),
            account("expired", Behaviour.PASSWORD_EXPIRED, person("sbx-expired", "Avery", "Patel", "1972-01-19",
                    "male")),
            account("locked", Behaviour.LOCKED, person("sbx-locked", "Quinn", "Murphy", "1965-09-09", "female")),
            account("empty", Behaviour.CONNECTS, new Profile("sbx-empty", "Jamie", "Ortiz",
                    LocalDate.parse("2001-12-12"), "female", false)),
            account("flaky", Behaviour.FLAKY, person("sbx-flaky", "Drew", "Kim", "1995-04-04", "male")),
            account("shortlived", Behaviour.SHORT_LIVED, person("sbx-shortlived", "Reese", "Walker", "1988-07-21",
                    "female")),
            account("strict", Behaviour.STRICT_ROTATION, person("sbx-strict", "Morgan", "Hale", "1979-10-10",
                    "male")));

    private SandboxAccounts() {
    }

    static Optional<Account> find(String username) {
        return ALL.stream().filter(a -> a.username().equals(username)).findFirst();
    }

    /** The profile with this FHIR Patient id, whichever account holds it. */
    static Optional<Profile> profile(String patientId) {
        return ALL.stream().flatMap(a -> a.profiles().stream()).filter(p -> p.id().equals(patientId)).findFirst();
    }

    private static Account account(String username, Behaviour behaviour, Profile profile) {
        return new Account(username, behaviour, List.of(profile));
    }

    private static Profile person(String id, String given, String family, String birthDate, String gender) {
        return new Profile(id, given, family, LocalDate.parse(birthDate), gender, true);
    }
}
