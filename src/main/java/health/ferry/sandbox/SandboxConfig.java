package health.ferry.sandbox;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Sandbox portal settings (prefix {@code ferry.sandbox}); see docs/connectors.md, "Sandbox portal". */
@ConfigMapping(prefix = "ferry.sandbox")
interface SandboxConfig {
    /** Serve the sandbox at all. Off in prod: then every {@code /sandbox} route answers 404. */
    @WithDefault("false")
    boolean enabled();

    /**
     * The origin the sandbox is reached at (Ferry's own, on the port it listens on); its FHIR base, links and
     * allowed redirects follow.
     */
    @WithDefault("http://localhost:${quarkus.http.port:8080}")
    String baseUrl();

    /**
     * Past this many FHIR requests (metadata, searches, reads) in any rolling minute the sandbox answers 429 with
     * {@code Retry-After}, as a portal that publishes a rate limit would; 0 (the default) for no limit. A test hook
     * for polite syncing (docs/sync.md).
     */
    @WithDefault("0")
    int fhirRequestsPerMinute();

    /** Secret of the sandbox's confidential SMART client {@code ferry-confidential} (dev and tests only). */
    @WithDefault("sandbox-secret")
    String confidentialClientSecret();
}
