package health.ferry.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import health.ferry.studies.StudyCatalog;
import io.quarkus.qute.Engine;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Qute's engine and the study catalogue are made on the {@code ferry-start} thread while Flyway and Hibernate start.
 * If a Quarkus upgrade ever ran Flyway's customizers before the runtime configuration is in place, making them there
 * would fail (as it does at the container's {@code @Initialized} event) and this test with it; the application would
 * still start, making them on the main thread, only slower.
 */
@QuarkusTest
class StartInParallelTest {
    @Inject
    StartInParallel start;
    @Inject
    Engine engine;
    @Inject
    StudyCatalog studies;

    @Test
    void theEngineAndTheStudiesAreMadeOnTheirOwnThread() throws Exception {
        assertEquals("ferry-start", start.made().get(30, TimeUnit.SECONDS));
        assertFalse(studies.all().isEmpty(), "the studies folder's studies");
        assertEquals("<p>ok</p>", engine.parse("<p>{x}</p>").data("x", "ok").render());
    }
}
