package health.ferry.sandbox;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;

/** What a SMART app does against the sandbox, driven by REST Assured: authorize, sign in on the pages, get tokens. */
final class SmartClient {
    static final String BASE = ConfigProvider.getConfig().getValue("ferry.sandbox.base-url", String.class);
    static final String FHIR_BASE = BASE + "/sandbox/fhir";
    static final String REDIRECT = BASE + "/connections/smart/callback";
    static final String TOKEN = "/sandbox/oauth/token";
    private static final SecureRandom RANDOM = new SecureRandom();

    final String verifier = random(48);
    final String state = random(16);
    final Map<String, String> params = new LinkedHashMap<>();

    SmartClient() {
        params.put("response_type", "code");
        params.put("client_id", SandboxClients.PUBLIC);
        params.put("redirect_uri", REDIRECT);
        params.put("scope", "launch/patient patient/*.read offline_access");
        params.put("state", state);
        params.put("aud", FHIR_BASE);
        params.put("code_challenge", TokenExchange.s256(verifier));
        params.put("code_challenge_method", "S256");
    }

    SmartClient with(String name, String value) {
        if (value == null) {
            params.remove(name);
        } else {
            params.put(name, value);
        }
        return this;
    }

    String authorizePath() {
        StringBuilder path = new StringBuilder("/sandbox/oauth/authorize");
        char separator = '?';
        for (Map.Entry<String, String> e : params.entrySet()) {
            path.append(separator).append(e.getKey()).append('=').append(encode(e.getValue()));
            separator = '&';
        }
        return path.toString();
    }

    Response authorize() {
        return given().urlEncodingEnabled(false).redirects().follow(false).get(authorizePath());
    }

    /** Opens the login page and signs in; the browser is left on whatever page comes next. */
    PortalBrowser signIn(String username, String password) {
        PortalBrowser browser = PortalBrowser.open(authorizePath());
        browser.post("/sandbox/oauth/login", Map.of("request", browser.hidden("request"), "username", username,
                "password", password));
        return browser;
    }

    /** The full flow for an account that needs no extra step: the code from the redirect. */
    String code(String username) {
        return code(signIn(username, "demo").page());
    }

    String code(Response redirect) {
        if (redirect.statusCode() != 303) {
            throw new AssertionError("Expected a redirect, got " + redirect.statusCode() + ":\n" + redirect.asString());
        }
        Map<String, String> query = query(redirect.header("Location"));
        if (!state.equals(query.get("state"))) {
            throw new AssertionError("The redirect did not echo state: " + redirect.header("Location"));
        }
        return query.get("code");
    }

    Response exchange(String code) {
        return exchange(code, verifier);
    }

    Response exchange(String code, String withVerifier) {
        return token(Map.of("grant_type", "authorization_code", "code", code, "redirect_uri", REDIRECT,
                "code_verifier", withVerifier, "client_id", params.get("client_id")));
    }

    static Response refresh(String refreshToken) {
        return token(Map.of("grant_type", "refresh_token", "refresh_token", refreshToken, "client_id",
                SandboxClients.PUBLIC));
    }

    static Response token(Map<String, String> form) {
        return given().contentType("application/x-www-form-urlencoded").formParams(new HashMap<>(form)).post(TOKEN);
    }

    static Map<String, String> query(String url) {
        Map<String, String> query = new HashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw == null ? new String[0] : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    static String random(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
