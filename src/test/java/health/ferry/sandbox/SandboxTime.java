package health.ferry.sandbox;

import io.quarkus.arc.Arc;
import java.time.Duration;

/** Lets tests in other packages move the sandbox portal's clock (its tokens expire; Ferry's clock is untouched). */
public final class SandboxTime {
    private SandboxTime() {
    }

    public static void advance(Duration by) {
        Arc.container().instance(SandboxClock.class).get().advance(by);
    }

    public static void reset() {
        Arc.container().instance(SandboxClock.class).get().reset();
    }
}
