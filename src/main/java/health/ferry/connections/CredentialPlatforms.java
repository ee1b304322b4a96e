package health.ferry.connections;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Credential-portal definitions: {@code ferry.connections.credential-platforms."<portal website host>"=<sign-in
 * service address>}. None by default (prod has no credential platforms until one is configured).
 */
@ApplicationScoped
class CredentialPlatforms {
    static final String PREFIX = "ferry.connections.credential-platforms.";

    private final Map<String, String> byHost = new HashMap<>();

    CredentialPlatforms() {
        Config config = ConfigProvider.getConfig();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(PREFIX)) {
                String host = name.substring(PREFIX.length()).replace("\"", "").toLowerCase(Locale.ROOT);
                config.getOptionalValue(name, String.class).filter(v -> !v.isBlank())
                        .ifPresent(v -> byHost.put(host, v));
            }
        }
    }

    /** Sign-in service address by portal website host. */
    Map<String, String> credentialPlatforms() {
        return byHost;
    }
}
