package health.ferry.web;

import health.ferry.studies.StudyCatalog;
import io.quarkus.arc.Arc;
import io.quarkus.flyway.FlywayConfigurationCustomizer;
import io.quarkus.qute.runtime.EngineProducer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import jakarta.interceptor.Interceptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.hibernate.SessionFactory;
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
 *
 * <p>With {@code ferry.start.migrate} (on in production) the same thread also migrates the database, beside
 * Hibernate's session factory instead of before it, and then has Hibernate validate the schema against the entities
 * ({@code SchemaManager.validateMappedObjects}, what {@code schema-management.strategy=validate} does). Quarkus then
 * only sets Flyway up at start ({@code quarkus.flyway.migrate-at-start=false}) and Hibernate does not validate while
 * it boots ({@code schema-management.strategy=none}), since the migration may still be running. The first
 * {@code StartupEvent} observer ({@link #migrated}) waits for both: nothing of Ferry's reads a table, and no request is
 * served, before the schema is migrated and checked; a failed migration or a schema that does not match stops the
 * start, as it did. Dev mode and the tests keep Quarkus' own migration and validation at start (they clean the
 * database first, which this thread would race).
 */
@Singleton
class StartInParallel implements FlywayConfigurationCustomizer {
    private static final Logger LOG = Logger.getLogger(StartInParallel.class);
    private final AtomicBoolean begun = new AtomicBoolean();
    private final CompletableFuture<String> made = new CompletableFuture<>();
    private final CompletableFuture<Void> schema = new CompletableFuture<>();
    @ConfigProperty(name = "ferry.start.migrate", defaultValue = "false")
    boolean migrate;
    /** Quarkus' other Flyway actions at start, which it would run on the main thread while this one migrates. */
    @ConfigProperty(name = "quarkus.flyway.clean-at-start", defaultValue = "false")
    boolean cleanAtStart;
    @ConfigProperty(name = "quarkus.flyway.baseline-at-start", defaultValue = "false")
    boolean baselineAtStart;
    @ConfigProperty(name = "quarkus.flyway.repair-at-start", defaultValue = "false")
    boolean repairAtStart;
    @ConfigProperty(name = "quarkus.flyway.migrate-at-start", defaultValue = "false")
    boolean migrateAtStart;

    @Override
    public void customize(FluentConfiguration configuration) {
        if (begun.compareAndSet(false, true)) {
            Thread thread = new Thread(this::make, "ferry-start");
            thread.setDaemon(true);
            thread.start();
        }
    }

    /**
     * In the order that keeps the main thread from waiting: the migration (needed before Hibernate's check), the
     * engine and the catalogue (while Hibernate still boots), then the check (it needs the session factory).
     */
    private void make() {
        Throwable migration = migrate ? run(this::migrateNow) : null;
        try {
            Arc.container().instance(EngineProducer.class).get();
            Arc.container().instance(StudyCatalog.class).get().all();
            made.complete(Thread.currentThread().getName());
        } catch (RuntimeException e) {
            LOG.debugf(e, "Start-up work left to the main thread: %s", e.getMessage());
            made.completeExceptionally(e);
        }
        if (migrate) {
            Throwable failed = migration != null ? migration : run(() -> Arc.container().instance(SessionFactory.class)
                    .get().getSchemaManager().validateMappedObjects()); // waits for Hibernate's session factory
            if (failed == null) {
                schema.complete(null);
            } else {
                schema.completeExceptionally(failed);
            }
        }
    }

    private void migrateNow() {
        if (cleanAtStart || baselineAtStart || repairAtStart || migrateAtStart) {
            throw new IllegalStateException("ferry.start.migrate migrates on Ferry's start-up thread, but a"
                    + " quarkus.flyway.*-at-start action (clean, baseline, repair or migrate) is also on, which"
                    + " Quarkus would run at the same time: turn that action off, or set ferry.start.migrate=false"
                    + " together with quarkus.flyway.migrate-at-start=true and"
                    + " quarkus.hibernate-orm.schema-management.strategy=validate");
        }
        Arc.container().instance(Flyway.class).get().migrate();
    }

    private static Throwable run(Runnable step) {
        try {
            step.run();
            return null;
        } catch (RuntimeException | Error e) {
            return e;
        }
    }

    /** Before any other start-up work: the schema migrated and checked, or the start stops with why not. */
    void migrated(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent start) {
        if (!migrate) {
            return;
        }
        if (!begun.get()) {
            throw new IllegalStateException("ferry.start.migrate is on but Quarkus did not set Flyway up at start"
                    + " (quarkus.flyway.enabled / active)");
        }
        try {
            schema.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw e;
        }
    }

    /** The name of the thread that made the engine and the catalogue, or why it could not. */
    CompletableFuture<String> made() {
        return made;
    }
}
