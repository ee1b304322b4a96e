package health.ferry.connections.smart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.connections.spi.Authorization;
import health.ferry.connections.spi.PortalHttp;
import health.ferry.connections.spi.PortalSetUpProblem;
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
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * SMART App Launch (standalone) for any portal, driven only by its FHIR base URL: discovery from
 * .well-known/smart-configuration, authorization code with PKCE S256, aud = the FHIR base, only the scopes sync uses
 * that the portal offers ({@link SmartConfiguration#scopes}), token exchange with patient context, and refresh with
 * rotation; online-only access (no refresh token) when the portal grants no offline access. No per-vendor code.
 */
@ApplicationScoped
public class SmartConnector {
    static final String PORTAL_UNAVAILABLE = "portal_unavailable";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PortalHttp http;
    private final Clock clock;
    private final Duration discoveryTtl;
    private final ClientRegistrations registrations;
    /** Discovery answers by FHIR base, each kept for {@code ferry.connections.smart.discovery-ttl}. */
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    private record Discovered(SmartConfiguration config, Instant at) {
    }

    @Inject
    public SmartConnector(PortalHttp http, Clock clock,
            @ConfigProperty(name = "ferry.connections.smart.discovery-ttl", defaultValue = "PT1H")
            Duration discoveryTtl, ClientRegistrations registrations) {
        this.http = http;
        this.registrations = registrations;
        this.clock = clock;
        this.discoveryTtl = discoveryTtl;
    }

    /**
     * The signing keys of all registrations, each read and checked once.
     *
     * @throws IllegalStateException naming the setting and what is wrong: a registration with both a secret and a
     *         key, a key id without a key, a key file that is missing, unreadable, not PKCS#8 or of an unusable kind
     */
    static Map<java.nio.file.Path, ClientAssertion> loadKeys(SmartClients clients) {
        Map<java.nio.file.Path, ClientAssertion> loaded = new java.util.HashMap<>();
        clients.clients().forEach((host, client) -> {
            String setting = "ferry.smart.clients.\"" + host + "\"";
            if (client.secret().isPresent() && client.jwtKeyFile().isPresent()) {
                throw new IllegalStateException(setting + " has both a secret and a jwt-key-file: a portal "
                        + "registration uses one (client_secret_basic or private_key_jwt)");
            }
            if (client.jwtKeyId().isPresent() && client.jwtKeyFile().isEmpty()) {
                throw new IllegalStateException(setting + ".jwt-key-id is set without " + setting + ".jwt-key-file");
            }
            client.jwtKeyFile().ifPresent(file -> {
                try {
                    loaded.computeIfAbsent(file, f -> ClientAssertion.load(f, client.jwtKeyId().orElse(null)));
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(setting + ".jwt-key-file: " + e.getMessage());
                }
            });
        });
        return loaded;
    }

    /** Discovers the portal's endpoints and builds the authorization request for this redirect address. */
    @Retry(maxRetries = 2, delay = 200, retryOn = PortalUnavailable.class)
    @ExponentialBackoff(maxDelay = 2000)
    public Authorization authorize(URI fhirBase, URI redirectUri) {
        return authorize(fhirBase, redirectUri, false);
    }

    /**
     * As {@link #authorize(URI, URI)}; {@code minimal}: only what Ferry cannot do without
     * ({@link SmartConfiguration#minimalScopes}), asked once after the portal refused the full set
     * ({@code invalid_scope}).
     *
     * @throws PortalSetUpProblem when the portal's discovery cannot be used
     */
    @Retry(maxRetries = 2, delay = 200, retryOn = PortalUnavailable.class)
    @ExponentialBackoff(maxDelay = 2000)
    public Authorization authorize(URI fhirBase, URI redirectUri, boolean minimal) {
        SmartConfiguration config = discover(fhirBase);
        String state = random(32);
        String verifier = random(48);
        Map<String, String> q = new LinkedHashMap<>();
        q.put("response_type", "code");
        q.put("client_id", clientId(fhirBase));
        q.put("redirect_uri", redirectUri.toString());
        q.put("scope", minimal ? config.minimalScopes() : config.scopes());
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
    public SignInOutcome exchange(URI fhirBase, URI redirectUri, String code, String verifier,
            ClientAuthentication client) {
        SmartConfiguration config = discover(fhirBase);
        PortalHttp.Answer answer = token(fhirBase, config, client, Map.of("grant_type", "authorization_code", "code", code,
                "redirect_uri", redirectUri.toString(), "code_verifier", verifier));
        return tokens(answer, null, "authorization_declined");
    }

    /**
     * What an error the portal sends back to the redirect URI means (RFC 6749 4.1.2.1): the participant said no
     * ({@code access_denied}, and anything unknown), the portal is down ({@code server_error},
     * {@code temporarily_unavailable}), or Ferry's registration at the portal is not right (every other code:
     * {@code invalid_scope}, {@code invalid_client}, {@code unauthorized_client}, {@code invalid_request}...):
     * {@code portal_setup_error}, which is not the participant's to fix, with the portal's description for admins.
     */
    public static Failed authorizeError(String error, String description) {
        return switch (error == null ? "" : error) {
            case "server_error", "temporarily_unavailable" -> Failed.of(PORTAL_UNAVAILABLE);
            case "invalid_scope", "invalid_client", "unauthorized_client", "unsupported_response_type",
                    "invalid_request" -> Failed.setUp(error, description);
            default -> Failed.of("authorization_declined");
        };
    }

    /**
     * Refreshes access. The answer's session holds the new refresh token when the portal rotated it (else the old
     * one, kept): the caller must store it before using the new access token. A refused refresh is
     * reconnect_required.
     */
    @Retry(maxRetries = 2, delay = 200, retryOn = PortalUnavailable.class)
    public SignInOutcome refresh(URI fhirBase, String session, ClientAuthentication client) {
        JsonNode current = SmartSession.parse(session);
        String refreshToken = current.path("refresh_token").asText(null);
        if (refreshToken == null) {
            return Failed.of("reconnect_required");
        }
        SmartConfiguration config = discover(fhirBase);
        PortalHttp.Answer answer = token(fhirBase, config, client, Map.of("grant_type", "refresh_token", "refresh_token",
                refreshToken));
        return tokens(answer, refreshToken, "reconnect_required");
    }

    /**
     * The patient the portal granted access to ({@code patient} of the token answer), read from
     * {@code {base}/Patient/{id}} with the access token: id, name (its text, else given and family names) and birth
     * date. Empty when it cannot be read (no patient in context, refused, not found, not answering): the check is
     * then not possible, and connecting goes on.
     */
    public java.util.Optional<health.ferry.connections.spi.Profile> grantedPatient(URI fhirBase, String session) {
        JsonNode tokens = SmartSession.parse(session);
        String patient = tokens.path("patient").asText("");
        String access = tokens.path("access_token").asText("");
        if (!patient.matches("[A-Za-z0-9\\-.]{1,64}") || access.isEmpty()) {
            return java.util.Optional.empty();
        }
        try {
            String base = fhirBase.toString().endsWith("/") ? fhirBase.toString() : fhirBase + "/";
            PortalHttp.Answer answer = http.get(URI.create(base + "Patient/" + patient), Map.of("Authorization",
                    "Bearer " + access));
            JsonNode body = answer.body();
            if (answer.status() != 200 || !"Patient".equals(body.path("resourceType").asText())) {
                return java.util.Optional.empty();
            }
            JsonNode name = body.path("name").path(0);
            String text = name.path("text").asText("");
            if (text.isBlank()) {
                StringBuilder sb = new StringBuilder();
                name.path("given").forEach(g -> sb.append(g.asText()).append(' '));
                text = sb.append(name.path("family").asText("")).toString().strip();
            }
            java.time.LocalDate born = null;
            try {
                born = java.time.LocalDate.parse(body.path("birthDate").asText(""));
            } catch (java.time.format.DateTimeParseException partialOrMissing) {
                // a partial date (1984 or 1984-02) or none: the name alone is compared
            }
            return java.util.Optional.of(new health.ferry.connections.spi.Profile(patient,
                    text.length() > 200 ? text.substring(0, 200) : text, born));
        } catch (PortalUnavailable | health.ferry.outbound.OutboundRefused e) {
            return java.util.Optional.empty();
        }
    }

    /** Ferry's client id at this portal: its registration's ({@link ClientRegistrations}). */
    private String clientId(URI fhirBase) {
        return registrations.forBase(fhirBase).clientId();
    }

    /**
     * Ferry's registration at the portal of this FHIR base ({@link ClientRegistrations}: the portal's, its brand's,
     * configuration's, else a public client).
     */
    ClientRegistrations.Client registration(URI fhirBase) {
        return registrations.forBase(fhirBase);
    }

    /** A token request, with what proves it comes from Ferry's client at this portal ({@link ClientAuthentication}). */
    private PortalHttp.Answer token(URI fhirBase, SmartConfiguration config, ClientAuthentication client,
            Map<String, String> grant) {
        Map<String, String> form = new LinkedHashMap<>(grant);
        Map<String, String> headers = new LinkedHashMap<>();
        client.authenticate(clientId(fhirBase), config.token(), form, headers);
        return http.postForm(config.token(), form, headers);
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
            return setUp ? Failed.setUp(error, answer.description()) : Failed.of(refusal);
        }
        JsonNode body = answer.body();
        if (answer.status() != 200 || !body.hasNonNull("access_token")) {
            throw new PortalUnavailable("token endpoint answered " + answer.status(), null);
        }
        long expiresIn = body.path("expires_in").asLong(0);
        String session = SmartSession.of(body, previousRefresh);
        Instant expires = expiresIn > 0 ? clock.instant().plusSeconds(expiresIn) : null;
        long endsIn = body.path("refresh_token_expires_in").asLong(0);
        Instant ends = endsIn > 0 ? clock.instant().plusSeconds(endsIn) : null;
        if (!SmartSession.parse(session).hasNonNull("refresh_token")) {
            // online only (no offline_access for Ferry at this portal): access ends with this token, and the
            // connection page says when; after it, reconnect_required
            ends = expires != null ? expires : clock.instant();
        }
        return new Connected(session, expires, ends);
    }

    /**
     * The portal's SMART configuration, fetched once per {@code discovery-ttl} (1 h) per FHIR base rather than before
     * every call; a failed fetch is not kept. The outbound policy still checks every fetch.
     */
    private SmartConfiguration discover(URI fhirBase) {
        String base = fhirBase.toString().endsWith("/") ? fhirBase.toString() : fhirBase + "/";
        Instant now = clock.instant();
        Discovered known = discovered.get(base);
        if (known != null && known.at().plus(discoveryTtl).isAfter(now) && !known.at().isAfter(now)) {
            return known.config();
        }
        PortalHttp.Answer answer = http.get(URI.create(base + ".well-known/smart-configuration"));
        SmartConfiguration config = SmartConfiguration.of(fhirBase, answer);
        if (discovered.size() > 10_000) {
            discovered.clear(); // a bound, far above the number of portals
        }
        discovered.put(base, new Discovered(config, now));
        return config;
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
