package health.ferry.directory;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.nio.file.Path;
import java.util.Optional;

/** Portal directory settings (prefix {@code ferry.directory}). */
@ConfigMapping(prefix = "ferry.directory")
interface DirectoryConfig {
    /** A folder whose {@code *.json} lists (FHIR Endpoint bundles, SMART brands bundles) are imported at start. */
    Optional<Path> importDir();

    /** The EHR vendor of the lists in the import folder, when their addresses do not tell (e.g. {@code epic}). */
    Optional<String> importVendor();

    /** Results per page when a search does not say. */
    @WithDefault("20")
    int defaultPageSize();

    /** The most results one page may hold; larger sizes are capped to it. */
    @WithDefault("50")
    int maxPageSize();

    /**
     * How often the search index checks the database for changes made elsewhere (another instance, a manual edit)
     * and rebuilds; {@code off} to never check.
     */
    @WithDefault("60s")
    String indexCheckEvery();

    /** How many new portals one account may ask for ("my portal isn't listed") within a day. */
    @WithDefault("5")
    int maxRequestsPerDay();
}
