package health.ferry.sandbox;

import health.ferry.sandbox.Grants.Code;
import health.ferry.sandbox.SignIns.Step;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The authorization endpoint's rules (RFC 6749 section 4.1, RFC 7636, SMART App Launch standalone): which requests
 * reach the login page, which are refused, and the redirects back to the app (always with {@code state} and
 * {@code iss}). A request being worked through the login pages is kept for ten minutes.
 */
@ApplicationScoped
class Authorizations {
    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);
    private static final Pattern CHALLENGE = Pattern.compile("[A-Za-z0-9_-]{43}");

    /** An accepted authorization request, waiting for the person to sign in. */
    record Pending(String clientId, String redirectUri, Set<String> scopes, String state, String codeChallenge) {
    }

    /**
     * A checked request: {@code error} is null when it may go on. With an error, {@code pending} is null when the
     * app or its redirect_uri cannot be trusted (show a page), else the error goes back to the redirect_uri.
     */
    record Checked(Pending pending, String error, String description) {
    }

    private final SandboxClients clients;
    private final SandboxUrls urls;
    private final Grants grants;
    private final Expiring<Pending> requests;

    Authorizations(SandboxClients clients, SandboxUrls urls, Grants grants, SandboxClock clock) {
        this.clients = clients;
        this.urls = urls;
        this.grants = grants;
        this.requests = new Expiring<>(clock, REQUEST_LIFETIME);
    }

    Checked check(Map<String, String> query) {
        if (!clients.known(query.get("client_id"))) {
            return new Checked(null, "invalid_client", "This app is not registered with the sandbox.");
        }
        String redirectUri = query.get("redirect_uri");
        if (redirectUri == null || !urls.allowedRedirect(redirectUri)) {
            return new Checked(null, "invalid_request", "The redirect_uri is not registered for this app.");
        }
        Pending pending = new Pending(query.get("client_id"), redirectUri, Scopes.grant(query.get("scope")),
                query.get("state"), query.get("code_challenge"));
        return checkParameters(query, pending);
    }

    private Checked checkParameters(Map<String, String> query, Pending pending) {
        if (!"code".equals(query.get("response_type"))) {
            return new Checked(pending, "unsupported_response_type", "response_type must be code.");
        }
        if (pending.state() == null || pending.state().isBlank()) {
            return new Checked(pending, "invalid_request", "state is required.");
        }
        if (!"S256".equals(query.get("code_challenge_method")) || pending.codeChallenge() == null
                || !CHALLENGE.matcher(pending.codeChallenge()).matches()) {
            return new Checked(pending, "invalid_request",
                    "PKCE is required: a code_challenge with code_challenge_method=S256.");
        }
        String aud = query.get("aud");
        if (aud == null || !stripSlash(aud).equals(urls.fhirBase())) {
            return new Checked(pending, "invalid_request",
                    "aud must be this server's FHIR base URL, " + urls.fhirBase() + ".");
        }
        if (!Scopes.anyResourceScope(pending.scopes())) {
            return new Checked(pending, "invalid_scope", "scope must ask for patient records, such as patient/*.read.");
        }
        return new Checked(pending, null, null);
    }

    /** Keeps an accepted request for the login pages and answers its handle. */
    String open(Pending pending) {
        return requests.put(pending);
    }

    Optional<Pending> pending(String requestId) {
        return requests.get(requestId);
    }

    /** Ends the request with a code for the signed-in profile and answers the redirect back to the app. */
    Optional<String> approve(String requestId, Step signedIn) {
        return requests.take(requestId).map(p -> {
            String code = grants.newCode(new Code(p.clientId(), p.redirectUri(), p.codeChallenge(), p.scopes(),
                    signedIn.account().username(), signedIn.profile().id()));
            return redirect(p, Map.of("code", code));
        });
    }

    /** Ends the request because the person said no. */
    Optional<String> deny(String requestId) {
        return requests.take(requestId).map(p -> error(p, "access_denied", "The person declined to connect."));
    }

    void reset() {
        requests.clear();
    }

    /** The redirect that carries an error back to the app. */
    String error(Pending pending, String error, String description) {
        return redirect(pending, Map.of("error", error, "error_description", description));
    }

    private String redirect(Pending pending, Map<String, String> params) {
        Map<String, String> all = new LinkedHashMap<>(params);
        if (pending.state() != null) {
            all.put("state", pending.state());
        }
        all.put("iss", urls.fhirBase());
        StringBuilder url = new StringBuilder(pending.redirectUri());
        char separator = pending.redirectUri().contains("?") ? '&' : '?';
        for (Map.Entry<String, String> e : all.entrySet()) {
            url.append(separator).append(e.getKey()).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
