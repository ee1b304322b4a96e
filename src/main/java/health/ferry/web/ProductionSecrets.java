package health.ferry.web;

import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigurationException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Stops a production start-up whose secrets are missing or weak. Quarkus itself starts without them (verified): an
 * unset variable leaves these optional settings empty, so the session cookie key falls back to the client secret
 * or to a random key (every login lost on restart, not shared between instances), and with no client secret each
 * sign-in fails only later, at the token exchange. Messages name the environment variable, never the value.
 */
@IfBuildProfile("prod")
@ApplicationScoped
class ProductionSecrets {
    /** Quarkus recommends 32 characters for the cookie encryption secret: enough key material for AES-256. */
    static final int MIN_SESSION_SECRET_LENGTH = 32;
    static final String SESSION_SECRET_PROPERTY = "quarkus.oidc.token-state-manager.encryption-secret";
    static final String CLIENT_SECRET_PROPERTY = "quarkus.oidc.credentials.secret";

    @ConfigProperty(name = SESSION_SECRET_PROPERTY)
    Optional<String> sessionSecret;
    @ConfigProperty(name = CLIENT_SECRET_PROPERTY)
    Optional<String> clientSecret;
    @ConfigProperty(name = "ferry.vault.active-key")
    String vaultKeyId;

    // First of all start-up observers, so nothing (demo data, study loading) runs with bad secrets.
    void check(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) StartupEvent start) {
        List<String> problems = new ArrayList<>(problems(sessionSecret.orElse(null), clientSecret.orElse(null)));
        problems.addAll(vaultProblems(org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getOptionalValue("ferry.vault.keys." + vaultKeyId, String.class).orElse(null)));
        if (!problems.isEmpty()) {
            throw new ConfigurationException(message(problems),
                    Set.of(SESSION_SECRET_PROPERTY, CLIENT_SECRET_PROPERTY));
        }
    }

    /** What is wrong with these secrets, one sentence each; empty when both are usable. */
    static List<String> problems(String sessionSecret, String clientSecret) {
        List<String> problems = new ArrayList<>();
        String howToSet = " Set it to a random value of at least " + MIN_SESSION_SECRET_LENGTH
                + " characters (for example: openssl rand -base64 48).";
        if (isBlank(sessionSecret)) {
            problems.add("FERRY_SESSION_SECRET is not set." + howToSet);
        } else if (sessionSecret.strip().length() < MIN_SESSION_SECRET_LENGTH) {
            problems.add("FERRY_SESSION_SECRET is shorter than " + MIN_SESSION_SECRET_LENGTH + " characters." + howToSet);
        }
        if (isBlank(clientSecret)) {
            problems.add("FERRY_OIDC_CLIENT_SECRET is not set. Set it to the secret of Ferry's client in Keycloak"
                    + " (Clients > ferry > Credentials).");
        }
        return problems;
    }

    /** The credential vault's key: 32 random bytes in base64 (portal passwords and tokens are sealed with it). */
    static List<String> vaultProblems(String key) {
        String howToSet = " Set it to 32 random bytes in base64 (for example: openssl rand -base64 32).";
        if (isBlank(key)) {
            return List.of("FERRY_VAULT_KEY is not set." + howToSet);
        }
        try {
            if (java.util.Base64.getDecoder().decode(key.strip()).length != 32) {
                return List.of("FERRY_VAULT_KEY is not 32 bytes." + howToSet);
            }
        } catch (IllegalArgumentException e) {
            return List.of("FERRY_VAULT_KEY is not base64." + howToSet);
        }
        return List.of();
    }

    static String message(List<String> problems) {
        return "Ferry cannot start in production: " + String.join(" ", problems)
                + " See docs/operations.md.";
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
