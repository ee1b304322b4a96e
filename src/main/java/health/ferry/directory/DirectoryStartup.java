package health.ferry.directory;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * At start, in this order: seed the sandbox entries (when enabled), build the search index, then import the
 * configured folder in the background (a large list must not hold up start-up). The FHIR context is not warmed
 * here: it loads on first use ({@link FhirContexts}).
 */
@ApplicationScoped
class DirectoryStartup {
    private static final Logger LOG = Logger.getLogger(DirectoryStartup.class);

    @Inject
    SandboxEntries sandbox;
    @Inject
    DirectoryIndex index;
    @Inject
    DirectoryImport imports;
    @Inject
    DirectoryConfig config;
    @ConfigProperty(name = "ferry.sandbox.enabled", defaultValue = "false")
    boolean sandboxEnabled;

    void start(@Observes StartupEvent start) {
        if (sandboxEnabled) {
            sandbox.seed();
        }
        index.rebuild();
        config.importDir().ifPresent(dir -> {
            Thread importer = new Thread(() -> {
                imports.importFolder(dir, config.importVendor().orElse(null));
                LOG.infof("Directory import folder %s done", dir);
            }, "ferry-directory-import");
            importer.setDaemon(true);
            importer.start();
        });
    }
}
