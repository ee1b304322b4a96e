package health.ferry.web;

import health.ferry.studies.StudyCatalog;
import io.quarkus.arc.Arc;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.qute.runtime.EngineProducer;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Ferry's own start-up work that needs neither the database nor a request, done on a thread of its own while
 * Flyway migrates and Hibernate boots: Qute's engine (it parses every page and message template) and the study
 * catalogue (it reads and checks {@code studies/*.yaml}). Both are {@code @Startup} beans that Quarkus would
 * otherwise make one after the other on the main thread at {@code StartupEvent}; during Hibernate's start the main
 * thread only waits for Hibernate's own start-up thread, and the second core is mostly free (docs/benchmarks.md §7).
 *
 * <p>The thread is begun when Quarkus configures Flyway at start (the first moment application code runs with the
 * runtime configuration in place: Qute's engine needs it; at the container's {@code @Initialized} event it is not
 * there yet). Nothing waits for it: at {@code StartupEvent} the container hands out the instance made here, waits
 * for one still being made, or makes it itself. A failure here (a bad study file) is logged at debug level only; the
 * main thread then makes the bean again at {@code StartupEvent}, where the failure stops the start as it always did.
 * Without Flyway at start ({@code quarkus.flyway.migrate-at-start=false}) everything is made at {@code StartupEvent}.
 */
@Singleton
class StartInParallel implements FlywayConfigurationCustomizer {
    private static final Logger LOG = Logger.getLogger(StartInParallel.class);
    private final AtomicBoolean begun = new AtomicBoolean();
    private final CompletableFuture<String> made = new CompletableFuture<>();

    @Override
    public void customize(FluentConfiguration configuration) {
        if (begun.compareAndSet(false, true)) {
            Thread thread = new Thread(this::make, "ferry-start");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void make() {
        try {
            Arc.container().instance(EngineProducer.class).get();
            Arc.container().instance(StudyCatalog.class).get().all();
            made.complete(Thread.currentThread().getName());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Start-up work left to the main thread: %s", e.getMessage());
            made.completeExceptionally(e);
        }
    }

    /** The name of the thread that made the engine and the catalogue, or why it could not. */
    CompletableFuture<String> made() {
        return made;
    }
}
