package health.ferry.accounts;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;

/** What Ferry takes from the IdP's token: issuer, subject, username, name, email and roles. */
record TokenIdentity(String issuer, String subject, String username, String displayName, String email,
        Set<String> roles) {

    /** Roles in the order that names what someone acts as when they have several. */
    static final List<String> ROLE_ORDER = List.of("admin", "coordinator", "participant");

    static TokenIdentity of(SecurityIdentity identity) {
        String name = identity.getPrincipal().getName();
        if (identity.getPrincipal() instanceof JsonWebToken jwt) {
            if (jwt.getSubject() == null || jwt.getSubject().isBlank()) {
                // An account is its subject: a token without one (e.g. a service client's) is not a person.
                throw new io.quarkus.security.UnauthorizedException("token without a subject");
            }
            // The principal name follows quarkus.oidc.token.principal-claim (upn, preferred_username, sub).
            String username = firstNonBlank(name, jwt.getClaim("preferred_username"), jwt.getSubject());
            String display = firstNonBlank(jwt.getClaim("name"), joinNames(jwt), username);
            return new TokenIdentity(firstNonBlank(jwt.getIssuer(), "unknown"), jwt.getSubject(), username, display,
                    jwt.getClaim("email"), identity.getRoles());
        }
        // Test identities (@TestSecurity) carry a name and roles only.
        return new TokenIdentity("local", name, name, name, null, identity.getRoles());
    }

    String primaryRole() {
        return ROLE_ORDER.stream().filter(roles::contains).findFirst().orElse("participant");
    }

    private static String joinNames(JsonWebToken jwt) {
        String given = jwt.getClaim("given_name");
        String family = jwt.getClaim("family_name");
        if (given == null && family == null) {
            return null;
        }
        return ((given == null ? "" : given) + " " + (family == null ? "" : family)).trim();
    }

    private static String firstNonBlank(Object... values) {
        for (Object v : values) {
            if (v != null && !v.toString().isBlank()) {
                return v.toString();
            }
        }
        return null;
    }
}
