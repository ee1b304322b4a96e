package health.ferry.connections.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.connections.spi.PortalHttp;
import health.ferry.connections.spi.PortalUnavailable;
import health.ferry.connections.spi.SignInOutcome;
import health.ferry.connections.spi.SignInOutcome.Connected;
import health.ferry.connections.spi.SignInOutcome.Failed;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * SMART App Launch (standalone) for any portal, driven only by its FHIR base URL: discovery from
 * .well-known/smart-configuration, authorization code with PKCE S256, aud = the FHIR base, offline access, token
 * exchange with patient context, and refresh with rotation. No per-vendor code.
 */
@ApplicationScoped
public class SmartConnector {
    static final String SCOPES = "launch/patient openid fhirUser offline_access patient/*.rs patient/*.read";
    /** Ferry's registration at the portal is not what the portal expects: not the participant's to fix. */
    static final String SET_UP = "portal_not_supported";
    static final String PORTAL_UNAVAILABLE = "portal_unavailable";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PortalHttp http;
    private final Clock clock;
    private final String clientId;

    /** Where to send the participant, and the secrets to keep (sealed) until they come back. */
    public record Authorization(URI authorizeUrl, String state, String codeVerifier) {
        @Override
        public String toString() {
            return "Authorization[" + authorizeUrl.getHost() + "]";
        }
    }

    @Inject
    public SmartConnector(ObjectMapper json, Clock clock,
            @ConfigProperty(name = "ferry.connections.portal-timeout", defaultValue = "PT10S") Duration timeout,
            @ConfigProperty(name = "ferry.connections.smart.client-id", defaultValue = "ferry") String clientId,
            health.ferry.outbound.OutboundPolicy policy) {
        this.http = new PortalHttp(json, timeout, policy);
        this.clock = clock;
        this.clientId = clientId;
    }

    /** Discovers the portal's endpoints and builds the authorization request for this redirect address. */
    @Retry(maxRetries = 2, delay = 200, retryOn = PortalUnavailable.class)
    @ExponentialBackoff(maxDelay = 2000)
    public Authorization authorize(URI fhirBase, URI redirectUri) {
        SmartConfiguration config = discover(fhirBase);
        String state = random(32);
        String verifier = random(48);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId);
        q.put("redirect_uri", redirectUri.toString());
        q.put("scope", SCOPES);
        q.put("state", state);
        q.put("aud", fhirBase.toString());
        q.put("code_challenge", challenge(verifier));
        q.put("code_challenge_method", "S256");
        StringBuilder url = new StringBuilder(config.authorize().toString());
        q.forEach((k, v) -> url.append(url.indexOf("?") < 0 ? '?' : '&').append(k).append('=').append(enc(v)));
        return new Authorization(URI.create(url.toString()), state, verifier);
    }

    /**
     * Exchanges the authorization code (with the PKCE verifier) for tokens. A refused code ({@code invalid_grant}:
     * used, expired) is authorization_declined (start again); a refused client or request is the portal's set-up.
     */
    @Retry(maxRetries = 2, delay = 200, retryOn = PortalUnavailable.class)
    public SignInOutcome exchange(URI fhirBase, URI redirectUri, String code, String verifier) {
        SmartConfiguration config = discover(fhirBase);
        PortalHttp.Answer answer = http.postForm(config.token(), Map.of("grant_type", "authorization_code",
                "code", code, "redirect_uri", redirectUri.toString(), "client_id", clientId, "code_verifier",
                verifier));
        return tokens(answer, null, "authorization_declined");
    }

    /**
     * What an error the portal sends back to the redirect URI means (RFC 6749 4.1.2.1): the participant said no
     * ({@code access_denied}, and anything unknown), the portal is down ({@code server_error},
     * {@code temporarily_unavailable}), or Ferry's registration at the portal is not right (every other code:
     * {@code invalid_scope}, {@code unauthorized_client}, {@code invalid_request}...), which is not the participant's
     * to fix.
     */
    public static String authorizeError(String error) {
        return switch (error == null ? "" : error) {
            case "server_error", "temporarily_unavailable" -> PORTAL_UNAVAILABLE;
            case "invalid_scope", "invalid_client", "unauthorized_client", "unsupported_response_type",
                    "invalid_request" -> SET_UP;
            default -> "authorization_declined";
        };
    }

    /**
     * Refreshes access. The answer's session holds the new refresh token when the portal rotated it (else the old
     * one, kept): the caller must store it before using the new access token. A refused refresh is
     * reconnect_required.
     */
    @Retry(maxRetries = 2, delay = 200, retryOn = PortalUnavailable.class)
    public SignInOutcome refresh(URI fhirBase, String session) {
        JsonNode current = SmartSession.parse(session);
        String refreshToken = current.path("refresh_token").asText(null);
        if (refreshToken == null) {
            return Failed.of("reconnect_required");
        }
        SmartConfiguration config = discover(fhirBase);
        PortalHttp.Answer answer = http.postForm(config.token(), Map.of("grant_type", "refresh_token",
                "refresh_token", refreshToken, "client_id", clientId));
        return tokens(answer, refreshToken, "reconnect_required");
    }

    /**
     * A token answer (RFC 6749 5.2): 400/401/403 with {@code invalid_grant} is the grant's end ({@code refusal}: the
     * code or the refresh token is no good, no retry); a refused client, scope or request is the portal's set-up;
     * 5xx and network errors were thrown as {@link PortalUnavailable} (retried, then reported as unavailable).
     */
    private SignInOutcome tokens(PortalHttp.Answer answer, String previousRefresh, String refusal) {
        if (answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
            String error = answer.error();
            boolean setUp = switch (error) {
                case "invalid_client", "unauthorized_client", "invalid_scope", "unsupported_grant_type",
                        "invalid_request" -> true;
                default -> false;
            };
            return Failed.of(setUp ? SET_UP : refusal);
        }
        JsonNode body = answer.body();
        if (answer.status() != 200 || !body.hasNonNull("access_token")) {
            throw new PortalUnavailable("token endpoint answered " + answer.status(), null);
        }
        long expiresIn = body.path("expires_in").asLong(0);
        String session = SmartSession.of(body, previousRefresh);
        long endsIn = body.path("refresh_token_expires_in").asLong(0);
        return new Connected(session, expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null,
                endsIn > 0 ? clock.instant().plusSeconds(endsIn) : null);
    }

    private SmartConfiguration discover(URI fhirBase) {
        String base = fhirBase.toString().endsWith("/") ? fhirBase.toString() : fhirBase + "/";
        PortalHttp.Answer answer = http.get(URI.create(base + ".well-known/smart-configuration"));
        return SmartConfiguration.of(fhirBase, answer);
    }

    /** The S256 code challenge of a verifier (RFC 7636). */
    static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
