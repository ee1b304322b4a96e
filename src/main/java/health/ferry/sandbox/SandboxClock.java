package health.ferry.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/** The sandbox's time: the application's clock plus an offset that tests advance to expire codes and tokens. */
@ApplicationScoped
class SandboxClock {
    private final Clock clock;
    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);

    SandboxClock(Clock clock) {
        this.clock = clock;
    }

    Instant now() {
        return clock.instant().plus(offset.get());
    }

    /** Moves the sandbox's time forward (tests only; the rest of Ferry keeps its own clock). */
    void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    void reset() {
        offset.set(Duration.ZERO);
    }
}
