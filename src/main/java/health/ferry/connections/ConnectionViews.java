package health.ferry.connections;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.accounts.PersonView;
import health.ferry.connections.spi.Profile;
import health.ferry.directory.PortalConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Builds the contract's view of a connection, with plain-language failure text and the suggested profile. */
@ApplicationScoped
class ConnectionViews {
    private static final TypeReference<List<Profile>> PROFILES = new TypeReference<>() {
    };

    @Inject
    ObjectMapper json;
    @Inject
    AttemptLimiter attempts;
    @Inject
    java.time.Clock clock;
    @Inject
    jakarta.enterprise.inject.Instance<LastSyncs> lastSyncs;

    ConnectionView of(Connection c, PersonView person, PortalConnection portal) {
        ConnectionFailure failure = c.failure();
        ConnectionView.Failure f = failure == null ? null
                : new ConnectionView.Failure(failure.code(), failure.message(), failure.remedy(),
                        failure == ConnectionFailure.TOO_MANY_ATTEMPTS ? attempts.retryAt(c.id)
                                .filter(at -> at.isAfter(clock.instant())).orElse(null) : null);
        List<Profile> profiles = profiles(c.profilesJson);
        Profile suggested = suggest(profiles, person);
        ConnectionView.LastSync last = lastSyncs.isResolvable() ? lastSyncs.get().lastSync(c.id).orElse(null) : null;
        java.time.Instant next = lastSyncs.isResolvable() && c.status() == ConnectionStatus.CONNECTED
                ? lastSyncs.get().nextSync(c.id).orElse(null) : null;
        return new ConnectionView(c.id, c.personId, c.portalId, c.portalName, c.method, c.status().code(), f, last,
                next, profiles.stream().map(p -> ConnectionView.ProfileChoice.of(p, p == suggested)).toList(),
                portal == null ? null : Portals.website(portal), null, c.accessExpiresAt, c.actionUrl, c.accessEndsAt,
                signInUpdate(c));
    }

    private static ConnectionView.SignInUpdate signInUpdate(Connection c) {
        if (c.updateCheckingSince != null) {
            return new ConnectionView.SignInUpdate("checking", null);
        }
        return ConnectionFailure.fromCode(c.updateFailureCode).map(f -> new ConnectionView.SignInUpdate("refused",
                new ConnectionView.Failure(f.code(), f.message(), f.remedy()))).orElse(null);
    }

    String profilesJson(List<Profile> profiles) {
        try {
            return profiles.isEmpty() ? null : json.writeValueAsString(profiles);
        } catch (IOException e) {
            return null;
        }
    }

    List<Profile> profiles(String stored) {
        if (stored == null) {
            return List.of();
        }
        try {
            return json.readValue(stored, PROFILES);
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Whether a portal's patient looks like the person being connected: their names share a word (accents and case
     * aside) and their birth dates agree when both are known. Lenient on purpose (nicknames, added middle names):
     * it catches a chart of someone else, such as a parent's connected into a child's profile.
     */
    static boolean samePerson(Profile patient, PersonView person) {
        if (person == null) {
            return true;
        }
        Set<String> granted = words(patient.name());
        Set<String> connecting = words(person.displayName());
        boolean names = granted.isEmpty() || connecting.isEmpty() || granted.stream().anyMatch(connecting::contains);
        boolean born = patient.birthDate() == null || person.birthDate() == null
                || patient.birthDate().equals(person.birthDate());
        return names && born;
    }

    /**
     * The one profile whose birth date equals the person's and whose name shares their name's words; none when no
     * single profile matches. It is only preselected: the participant always confirms.
     */
    static Profile suggest(List<Profile> profiles, PersonView person) {
        if (person == null || person.birthDate() == null) {
            return null;
        }
        Set<String> words = words(person.displayName());
        List<Profile> matches = profiles.stream()
                .filter(p -> person.birthDate().equals(p.birthDate()))
                .filter(p -> words(p.name()).containsAll(words) || words.containsAll(words(p.name())))
                .toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    private static Set<String> words(String name) {
        String plain = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        return Stream.of(plain.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(w -> !w.isBlank())
                .collect(Collectors.toSet());
    }
}
