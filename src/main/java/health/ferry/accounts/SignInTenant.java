package health.ferry.accounts;

import io.quarkus.oidc.OidcRequestContext;
import io.quarkus.oidc.OidcTenantConfig;
import io.quarkus.oidc.TenantConfigResolver;
import io.quarkus.oidc.runtime.OidcConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Ferry's one sign-in (OIDC) tenant, connected to the identity provider on the first request that needs it instead of
 * while Ferry starts.
 *
 * <p>Quarkus connects its configured ("default") tenant during start-up: it reads the provider's discovery document
 * and keys, and start-up waits for both. Ferry switches that tenant off ({@code quarkus.oidc.tenant-enabled=false})
 * and hands Quarkus the same settings here, under the id {@value #ID}; Quarkus creates such a tenant on the first
 * request that resolves it, keeps it for every later request, and tries again on the next request if the provider
 * could not be reached. Every {@code quarkus.oidc.*} setting still applies: the tenant is a copy of them.
 *
 * <p>Session cookies carry the tenant's id ({@code q_session_ferry}).
 */
@ApplicationScoped
public class SignInTenant implements TenantConfigResolver {
    /** The tenant's id, in its cookies' names and in the signed-in identity's {@code tenant-id} attribute. */
    public static final String ID = "ferry";

    private final OidcTenantConfig tenant;

    @Inject
    SignInTenant(OidcConfig oidc) {
        // One instance for good: Quarkus compares it by identity to tell an unchanged tenant from an updated one.
        tenant = OidcTenantConfig.builder(OidcConfig.getDefaultTenant(oidc)).tenantId(ID).tenantEnabled(true).build();
    }

    @Override
    public Uni<OidcTenantConfig> resolve(RoutingContext request, OidcRequestContext<OidcTenantConfig> context) {
        return Uni.createFrom().item(tenant);
    }
}
