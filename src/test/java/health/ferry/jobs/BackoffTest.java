package health.ferry.jobs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMinutes(15), Duration.ofHours(6));

    @Test
    void doublesFromTheFirstWait() {
        assertEquals(Duration.ofMinutes(15), backoff.before(1));
        assertEquals(Duration.ofMinutes(30), backoff.before(2));
        assertEquals(Duration.ofMinutes(60), backoff.before(3));
        assertEquals(Duration.ofMinutes(240), backoff.before(5));
    }

    @Test
    void neverWaitsLongerThanTheCeiling() {
        assertEquals(Duration.ofHours(6), backoff.before(6));
        assertEquals(Duration.ofHours(6), backoff.before(1_000));
        assertEquals(Duration.ofHours(6), backoff.before(Integer.MAX_VALUE));
    }

    @Test
    void aLongerRetryAfterWinsAShorterOneDoesNot() {
        assertEquals(Duration.ofHours(1), backoff.atLeast(1, Duration.ofHours(1)));
        assertEquals(Duration.ofMinutes(30), backoff.atLeast(2, Duration.ofSeconds(5)));
        assertEquals(Duration.ofMinutes(15), backoff.atLeast(1, null));
    }

    @Test
    void noWaitStaysNoWait() {
        assertEquals(Duration.ZERO, new Backoff(Duration.ZERO, Duration.ofMinutes(1)).before(7));
    }

    @Test
    void badSettingsAndRetriesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofHours(2), Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofSeconds(-1), Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> backoff.before(0));
    }
}
