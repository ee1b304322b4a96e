package health.ferry.proofs;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Signs a demo user in through Keycloak's own login form over plain HTTP, as docker/smoke-test.sh does: the code
 * flow with PKCE S256 for an access token (API calls), or Ferry-driven for a page session (cookies). Cookies are
 * kept per host and port by hand: the prod session cookie is {@code Secure}, which the JDK's cookie store would
 * not send over http://localhost.
 */
final class KeycloakLogin {
    private static final Pattern FORM = Pattern.compile("action=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");
    private static final Pattern TOKEN = Pattern.compile("\"access_token\"\\s*:\\s*\"([^\"]+)\"");

    private final KeycloakServer keycloak;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    KeycloakLogin(KeycloakServer keycloak) {
        this.keycloak = keycloak;
    }

    /** Cookies by authority (host:port), name to value. */
    static final class Jar {
        private final Map<String, Map<String, String>> cookies = new HashMap<>();

        void keep(URI uri, HttpResponse<?> response) {
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).trim();
                String value = pair.substring(eq + 1).trim();
                Map<String, String> own = cookies.computeIfAbsent(uri.getAuthority(), a -> new HashMap<>());
                if (value.isEmpty() || header.toLowerCase().contains("max-age=0")) {
                    own.remove(name);
                } else {
                    own.put(name, value);
                }
            }
        }

        /** The Cookie header for {@code uri}; cookies of {@code from} instead when given (another instance). */
        String header(URI uri) {
            Map<String, String> own = cookies.getOrDefault(uri.getAuthority(), Map.of());
            return String.join("; ", own.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
        }

        Map<String, String> of(String authority) {
            return Map.copyOf(cookies.getOrDefault(authority, Map.of()));
        }
    }

    /** An access token for {@code user} (password = user name, the realm's demo users). */
    String accessToken(String user, String ferryBase) throws Exception {
        Jar jar = new Jar();
        String verifier = random(48);
        String challenge = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = ferryBase + "/proof-callback";
        String oidc = keycloak.issuer() + "/protocol/openid-connect";
        URI auth = URI.create(oidc + "/auth?response_type=code&scope=openid&client_id=ferry&redirect_uri="
                + enc(redirect) + "&state=" + random(8) + "&code_challenge=" + challenge
                + "&code_challenge_method=S256");
        String back = submitLogin(jar, auth, user);
        Matcher code = CODE.matcher(back);
        if (!back.startsWith(redirect) || !code.find()) {
            throw new IllegalStateException("sign-in did not return a code: " + back);
        }
        HttpResponse<String> token = http.send(HttpRequest.newBuilder(URI.create(oidc + "/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=" + code.group(1)
                        + "&redirect_uri=" + enc(redirect) + "&client_id=ferry&client_secret="
                        + enc(keycloak.clientSecret) + "&code_verifier=" + verifier))
                .build(), HttpResponse.BodyHandlers.ofString());
        Matcher m = TOKEN.matcher(token.body());
        if (!m.find()) {
            throw new IllegalStateException("no access token: HTTP " + token.statusCode());
        }
        return m.group(1);
    }

    /**
     * Signs {@code user} in to Ferry's pages at {@code ferryBase} the way a browser does (Ferry redirects to Keycloak,
     * the form is posted, Ferry exchanges the code); answers the jar holding Ferry's session cookie.
     */
    Jar pageSession(String user, String ferryBase) throws Exception {
        Jar jar = new Jar();
        URI home = URI.create(ferryBase + "/home");
        HttpResponse<String> toKeycloak = get(jar, home);
        String location = toKeycloak.headers().firstValue("location").orElseThrow(
                () -> new IllegalStateException("/home did not redirect to Keycloak: " + toKeycloak.statusCode()));
        if (!location.contains("code_challenge_method=S256")) {
            throw new IllegalStateException("Ferry sent no PKCE S256 challenge: " + location);
        }
        String back = submitLogin(jar, URI.create(location), user);
        URI next = URI.create(back);
        for (int hop = 0; hop < 5; hop++) {
            HttpResponse<String> r = get(jar, next);
            if (r.statusCode() / 100 != 3) {
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("sign-in ended with HTTP " + r.statusCode() + " at " + next);
                }
                return jar;
            }
            next = next.resolve(r.headers().firstValue("location").orElseThrow());
        }
        throw new IllegalStateException("too many redirects after sign-in");
    }

    HttpResponse<String> get(Jar jar, URI uri) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        String cookies = jar.header(uri);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        jar.keep(uri, response);
        return response;
    }

    /** Opens Keycloak's login page at {@code auth}, posts the demo password; answers where Keycloak redirects. */
    private String submitLogin(Jar jar, URI auth, String user) throws IOException, InterruptedException {
        HttpResponse<String> page = get(jar, auth);
        Matcher form = FORM.matcher(page.body());
        if (page.statusCode() != 200 || !form.find()) {
            throw new IllegalStateException("no Keycloak login form: HTTP " + page.statusCode());
        }
        URI action = URI.create(form.group(1).replace("&amp;", "&"));
        HttpResponse<String> posted = http.send(HttpRequest.newBuilder(action)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", jar.header(action))
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(user) + "&password=" + enc(user)
                        + "&credentialId="))
                .build(), HttpResponse.BodyHandlers.ofString());
        jar.keep(action, posted);
        return posted.headers().firstValue("location")
                .orElseThrow(() -> new IllegalStateException("Keycloak refused the sign-in: " + posted.statusCode()));
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
