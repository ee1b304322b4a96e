package health.ferry.accounts;

import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * How many children and wards one account may add: at most {@code ferry.accounts.max-people} at a time (removed ones
 * do not count), and at most {@code ferry.accounts.max-new-people-per-hour} added within an hour (removed ones do
 * count, so adding and removing cannot get round it). Wards are not a way to multiply per-person limits.
 */
@ApplicationScoped
class WardLimits {
    static final Duration RATE_WINDOW = Duration.ofHours(1);

    @ConfigProperty(name = "ferry.accounts.max-people", defaultValue = "20")
    int maxPeople;
    @ConfigProperty(name = "ferry.accounts.max-new-people-per-hour", defaultValue = "10")
    int maxNewPerHour;
    @Inject
    PersonRepository people;
    @Inject
    AccountRepository accounts;
    @Inject
    Clock clock;

    /** Refuses a new child or ward for this account when it would pass either limit; call in the add's transaction. */
    void check(UUID accountId) {
        // Adds of one account queue on its row, so two at once cannot both slip under a limit.
        accounts.findById(accountId, LockModeType.PESSIMISTIC_WRITE);
        if (people.countActiveDependants(accountId) >= maxPeople) {
            throw new OutcomeException(Outcome.PEOPLE_LIMIT_REACHED, "An account can act for at most " + maxPeople
                    + " children and wards. Remove someone you no longer act for, or ask the study team for help.");
        }
        Instant since = clock.instant().minus(RATE_WINDOW);
        if (people.countDependantsAddedSince(accountId, since) >= maxNewPerHour) {
            Instant again = people.firstDependantAddedSince(accountId, since).orElse(since).plus(RATE_WINDOW)
                    .plusSeconds(1).truncatedTo(ChronoUnit.SECONDS);
            throw new OutcomeException(Outcome.RATE_LIMITED, "You can add at most " + maxNewPerHour
                    + " people an hour. Try again after " + minute(again) + ".").with("retryAfter", again.toString());
        }
    }

    /** "2026-12-07 16:43 UTC": the minute at or after the instant. */
    static String minute(Instant at) {
        Instant down = at.truncatedTo(ChronoUnit.MINUTES);
        Instant up = down.equals(at) ? at : down.plus(1, ChronoUnit.MINUTES);
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC)
                .format(up);
    }
}
