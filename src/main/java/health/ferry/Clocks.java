package health.ferry;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The application's clock (UTC), injected wherever time is read so tests can move it. */
@ApplicationScoped
public class Clocks {
    @Produces
    @ApplicationScoped
    Clock utc() {
        return Clock.systemUTC();
    }
}
