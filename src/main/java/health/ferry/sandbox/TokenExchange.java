package health.ferry.sandbox;

import health.ferry.sandbox.Grants.Code;
import health.ferry.sandbox.Grants.Issued;
import health.ferry.sandbox.SignIns.Surface;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The token endpoint's rules (RFC 6749, RFC 7636, SMART App Launch): an authorization code with its PKCE verifier
 * and redirect_uri, or a refresh token, from an authenticated client, for tokens; anything else for an OAuth error.
 */
@ApplicationScoped
class TokenExchange {
    private static final Pattern VERIFIER = Pattern.compile("[A-Za-z0-9._~-]{43,128}");

    /** The HTTP answer: status, JSON body, and Retry-After seconds when the portal is "down". */
    record Answer(int status, Map<String, Object> body, String retryAfter) {
    }

    private final Grants grants;
    private final SandboxClients clients;
    private final SignIns signIns;

    TokenExchange(Grants grants, SandboxClients clients, SignIns signIns) {
        this.grants = grants;
        this.clients = clients;
        this.signIns = signIns;
    }

    Answer exchange(Map<String, String> form, String authorization) {
        Optional<String> client = clients.authenticate(form.get("client_id"), form.get("client_secret"),
                authorization);
        if (client.isEmpty()) {
            return error(401, "invalid_client", "Unknown client, or a wrong or missing client secret.");
        }
        String grantType = form.get("grant_type");
        if (grantType == null) {
            return error(400, "invalid_request", "grant_type is missing.");
        }
        return switch (grantType) {
            case "authorization_code" -> redeem(form, client.get());
            case "refresh_token" -> refresh(form.get("refresh_token"), client.get());
            default -> error(400, "unsupported_grant_type", "Use authorization_code or refresh_token.");
        };
    }

    private Answer redeem(Map<String, String> form, String clientId) {
        String code = form.get("code");
        String redirectUri = form.get("redirect_uri");
        String verifier = form.get("code_verifier");
        if (code == null || redirectUri == null || verifier == null) {
            return error(400, "invalid_request", "code, redirect_uri and code_verifier are required.");
        }
        if (grants.peekCode(code).map(Code::username).filter(this::portalDown).isPresent()) {
            return unavailable();
        }
        Optional<Code> found = grants.redeem(code);
        if (found.isEmpty() || !found.get().clientId().equals(clientId)) {
            return error(400, "invalid_grant", "The code is unknown, expired, already used or not this client's.");
        }
        if (!found.get().redirectUri().equals(redirectUri)) {
            return error(400, "invalid_grant", "redirect_uri differs from the one in the authorization request.");
        }
        if (!pkceMatches(verifier, found.get().codeChallenge())) {
            return error(400, "invalid_grant", "code_verifier does not match the code_challenge.");
        }
        return tokens(grants.issue(code, found.get()));
    }

    private Answer refresh(String refreshToken, String clientId) {
        if (refreshToken == null) {
            return error(400, "invalid_request", "refresh_token is required.");
        }
        if (grants.refreshUsername(refreshToken).filter(this::portalDown).isPresent()) {
            return unavailable();
        }
        return grants.refresh(refreshToken, clientId).map(this::tokens).orElseGet(() -> error(400, "invalid_grant",
                "The refresh token is unknown, replaced, revoked or its access has ended."));
    }

    private boolean portalDown(String username) {
        return SandboxAccounts.find(username).filter(a -> signIns.unavailable(a, Surface.TOKEN)).isPresent();
    }

    static boolean pkceMatches(String verifier, String challenge) {
        if (!VERIFIER.matcher(verifier).matches()) {
            return false;
        }
        return MessageDigest.isEqual(s256(verifier).getBytes(StandardCharsets.US_ASCII),
                challenge.getBytes(StandardCharsets.US_ASCII));
    }

    static String s256(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private Answer tokens(Issued issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.accessToken());
        body.put("token_type", "Bearer");
        body.put("expires_in", issued.expiresIn());
        if (issued.refreshToken() != null) {
            body.put("refresh_token", issued.refreshToken());
        }
        if (issued.endsIn() != null) {
            // Not in SMART itself, but sent by several EHRs: when the refresh token (so the access) ends.
            body.put("refresh_token_expires_in", issued.endsIn());
        }
        body.put("scope", Scopes.join(issued.scopes()));
        body.put("patient", issued.patientId());
        return new Answer(200, body, null);
    }

    private static Answer unavailable() {
        return new Answer(503, Map.of("error", "temporarily_unavailable",
                "error_description", "The portal is briefly unavailable. Try again."), "1");
    }

    private static Answer error(int status, String code, String description) {
        return new Answer(status, Map.of("error", code, "error_description", description), null);
    }
}
