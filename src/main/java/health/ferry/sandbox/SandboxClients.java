package health.ferry.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;

/**
 * The apps registered with the sandbox's authorization server: {@code ferry} (public, PKCE only) and
 * {@code ferry-confidential} (client secret by HTTP Basic or in the form). Both may redirect only to Ferry's origin.
 */
@ApplicationScoped
class SandboxClients {
    static final String PUBLIC = "ferry";
    static final String CONFIDENTIAL = "ferry-confidential";

    private final SandboxConfig config;

    SandboxClients(SandboxConfig config) {
        this.config = config;
    }

    boolean known(String clientId) {
        return PUBLIC.equals(clientId) || CONFIDENTIAL.equals(clientId);
    }

    /** The client a token request authenticates as (RFC 6749, section 2.3), if it does. */
    Optional<String> authenticate(String clientId, String clientSecret, String authorization) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            String[] pair = basic(authorization.substring(6).trim());
            boolean sameId = clientId == null || clientId.equals(pair[0]);
            return sameId && confidential(pair[0], pair[1]) ? Optional.of(pair[0]) : Optional.empty();
        }
        if (clientSecret != null) {
            return confidential(clientId, clientSecret) ? Optional.of(clientId) : Optional.empty();
        }
        return PUBLIC.equals(clientId) ? Optional.of(PUBLIC) : Optional.empty();
    }

    private boolean confidential(String clientId, String secret) {
        return CONFIDENTIAL.equals(clientId) && secret != null && MessageDigest.isEqual(
                secret.getBytes(StandardCharsets.UTF_8),
                config.confidentialClientSecret().getBytes(StandardCharsets.UTF_8));
    }

    private static String[] basic(String encoded) {
        try {
            String decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            if (colon < 0) {
                return new String[] {null, null};
            }
            return new String[] {URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
        } catch (IllegalArgumentException e) {
            return new String[] {null, null};
        }
    }
}
