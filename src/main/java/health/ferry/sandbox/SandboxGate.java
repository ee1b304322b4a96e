package health.ferry.sandbox;

import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Hides the whole sandbox unless {@code ferry.sandbox.enabled}: its routes then answer 404 like any unknown path. */
class SandboxGate {
    /** Looked up per request: filters are created at static init, before runtime configuration exists. */
    @Inject
    Instance<SandboxConfig> config;

    @ServerRequestFilter(preMatching = true, priority = 1)
    void hideWhenDisabled(ContainerRequestContext request) {
        if (isSandbox(request.getUriInfo().getPath()) && !config.get().enabled()) {
            throw new NotFoundException();
        }
    }

    static boolean isSandbox(String path) {
        return path != null && (path.equals("/sandbox") || path.startsWith("/sandbox/"));
    }
}
