package health.ferry.connections.spi;

import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.outbound.OutboundPolicy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.net.http.HttpClient;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one portal HTTP client every connector uses: HTTP/1.1 unless {@code ferry.connections.portal-http-version}
 * says otherwise, and one timeout, {@code ferry.connections.portal-timeout}, for connecting and for each request.
 */
@Singleton
class PortalHttpClient {
    @Produces
    @Singleton
    PortalHttp portalHttp(ObjectMapper json, OutboundPolicy policy,
            @ConfigProperty(name = "ferry.connections.portal-timeout", defaultValue = "PT10S") Duration timeout,
            @ConfigProperty(name = "ferry.connections.portal-http-version", defaultValue = "HTTP_1_1")
            HttpClient.Version version) {
        return new PortalHttp(json, timeout, policy, version);
    }
}
