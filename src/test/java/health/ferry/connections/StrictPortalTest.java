package health.ferry.connections;

import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** A test against a fresh {@link StrictPortal} of its own for each test method, connected by {@link #PARTICIPANT}. */
abstract class StrictPortalTest {
    static final String PARTICIPANT = "erin";

    StrictPortal portal;
    StrictSmartServer server;

    @BeforeEach
    void startPortal() throws IOException {
        portal = new StrictPortal(PARTICIPANT);
        server = portal.server;
    }

    @AfterEach
    void stopPortal() {
        portal.close();
    }
}
