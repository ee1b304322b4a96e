package health.ferry.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A SMART App Launch 2.x authorization server and FHIR server as strict as real EHRs are, on a port of its own: it
 * refuses scopes it does not know ({@code invalid_scope} back at the redirect URI), requires client authentication
 * of a confidential client ({@code invalid_client}, 401), checks PKCE, answers spec error JSON, and can play the
 * unfriendly cases: Deny without a redirect back, a revoked grant (400/401/403 {@code invalid_grant}), a token
 * endpoint that is down, no {@code offline_access}, any error at authorize with its {@code error_description}, and
 * discovery that is missing (4xx) or lacks an endpoint.
 */
final class StrictSmartServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the server does at the authorize step. */
    enum Authorize { ALLOW, DENY_WITHOUT_REDIRECT, DENY }

    private final HttpServer server;
    final AtomicInteger discoveries = new AtomicInteger();
    final AtomicInteger tokenRequests = new AtomicInteger();
    final List<Map<String, String>> tokenForms = Collections.synchronizedList(new ArrayList<>());
    final List<String> tokenAuthorizations = Collections.synchronizedList(new ArrayList<>());
    /** Requests that came with an {@code Upgrade} header (the JDK's HTTP/2 client probes {@code h2c} on http). */
    final List<String> upgrades = Collections.synchronizedList(new ArrayList<>());
    final List<String> requestedScopes = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String[]> codes = new ConcurrentHashMap<>(); // code → {verifier challenge, scope}
    private final Map<String, String> refreshTokens = new ConcurrentHashMap<>(); // refresh → scope

    volatile String clientId = "ferry";
    /** The scopes the client is registered for; anything else requested is invalid_scope. */
    volatile Set<String> allowedScopes = Set.of("launch/patient", "offline_access", "patient/*.read");
    /** What discovery lists as scopes_supported (null: the field is left out). */
    volatile List<String> scopesSupported = List.of("launch/patient", "offline_access", "patient/*.read");
    volatile Authorize authorize = Authorize.ALLOW;
    /** When set, the token endpoint requires this client authentication (a check of the Authorization header and
     * the form); public clients need only their client_id. */
    volatile Predicate<HttpExchangeView> clientAuthentication;
    volatile boolean tokenEndpointDown;
    volatile boolean grantsRevoked;
    /** The status a refused refresh ({@code invalid_grant}) answers with: 400, 401 or 403. */
    volatile int refusedGrantStatus = 403;
    /** When set, authorize redirects back with this error (and {@link #authorizeErrorDescription}). */
    volatile String authorizeError;
    volatile String authorizeErrorDescription;
    /** The status discovery answers with (a 4xx: the portal has no SMART configuration there). */
    volatile int discoveryStatus = 200;
    /** Discovery without a token endpoint (an unusable configuration). */
    volatile boolean discoveryWithoutTokenEndpoint;
    /** The granted patient's name and birth date, read at {@code /fhir/Patient/p-1}; null: 404 (no Patient). */
    volatile String patientName;
    volatile String patientBirthDate;
    private final Set<String> accessTokens = ConcurrentHashMap.newKeySet();
    /** When not 200, every FHIR read and search answers this status (a 5xx: the FHIR server is down). */
    volatile int fhirStatus = 200;
    /** The {@code Retry-After} a refused FHIR request carries (null: none). */
    volatile String fhirRetryAfter;
    /** FHIR requests (reads, searches, Binary) as they arrived: path and query, with the time in nanoseconds. */
    final List<String> fhirRequests = Collections.synchronizedList(new ArrayList<>());
    final List<Long> fhirRequestNanos = Collections.synchronizedList(new ArrayList<>());
    /** What a search of a type answers (its entries' resources); a type not here answers an empty searchset. */
    final Map<String, List<JsonNode>> searchResults = new ConcurrentHashMap<>();
    /** Binary contents by id: content type and bytes; an id not here answers 404. */
    final Map<String, Binary> binaries = new ConcurrentHashMap<>();

    /** A Binary the server holds: served as its bytes, or as a FHIR Binary when the client asks for FHIR JSON. */
    record Binary(String contentType, byte[] bytes) {
    }
    volatile long expiresIn = 5; // seconds: Ferry refreshes before every use

    /** What the client authentication check sees of a token request. */
    record HttpExchangeView(String authorization, Map<String, String> form, URI tokenEndpoint) {
    }

    StrictSmartServer() throws IOException {
        this(0);
    }

    /** On this port (0: any free one). */
    StrictSmartServer(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        server.createContext("/fhir/.well-known/smart-configuration", this::discovery);
        server.createContext("/auth/authorize", this::authorizeStep);
        server.createContext("/auth/token", this::token);
        server.createContext("/fhir/Patient/", this::patient);
        server.createContext("/fhir/", this::fhir);
        server.start();
    }

    String fhirBase() {
        return base() + "/fhir";
    }

    URI tokenEndpoint() {
        return URI.create(base() + "/auth/token");
    }

    private String base() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void discovery(HttpExchange ex) throws IOException {
        discoveries.incrementAndGet();
        noteUpgrade(ex);
        if (discoveryStatus != 200) {
            send(ex, discoveryStatus, error("not_found", "no SMART configuration here"));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        body.put("issuer", base() + "/auth");
        body.put("authorization_endpoint", base() + "/auth/authorize");
        if (!discoveryWithoutTokenEndpoint) {
            body.put("token_endpoint", base() + "/auth/token");
        }
        body.putArray("token_endpoint_auth_methods_supported").add("client_secret_basic").add("private_key_jwt");
        body.putArray("token_endpoint_auth_signing_alg_values_supported").add("RS384").add("ES384");
        if (scopesSupported != null) {
            scopesSupported.forEach(body.putArray("scopes_supported")::add);
        }
        body.putArray("capabilities").add("launch-standalone").add("client-public").add("client-confidential-symmetric")
                .add("client-confidential-asymmetric").add("context-standalone-patient").add("permission-offline")
                .add("permission-patient").add("permission-v1");
        body.putArray("code_challenge_methods_supported").add("S256");
        send(ex, 200, body);
    }

    private void authorizeStep(HttpExchange ex) throws IOException {
        Map<String, String> q = form(ex.getRequestURI().getRawQuery());
        String redirect = q.get("redirect_uri");
        if (!clientId.equals(q.get("client_id")) || redirect == null) {
            send(ex, 400, error("invalid_request", "unknown client or no redirect_uri"));
            return;
        }
        requestedScopes.add(q.getOrDefault("scope", ""));
        String state = q.get("state");
        if (authorize == Authorize.DENY_WITHOUT_REDIRECT) {
            byte[] page = "<p>You chose not to share your records.</p>".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, page.length);
            ex.getResponseBody().write(page);
            ex.close();
            return;
        }
        String back;
        List<String> unknown = List.of(q.getOrDefault("scope", "").split(" ")).stream()
                .filter(s -> !s.isBlank() && !allowedScopes.contains(s)).toList();
        if (authorizeError != null) {
            back = "error=" + enc(authorizeError) + (authorizeErrorDescription == null ? ""
                    : "&error_description=" + enc(authorizeErrorDescription));
        } else if (!"S256".equals(q.get("code_challenge_method")) || q.get("code_challenge") == null) {
            back = "error=invalid_request";
        } else if (!unknown.isEmpty()) {
            back = "error=invalid_scope&error_description=" + enc(String.join(", ", unknown) + " could not be granted");
        } else if (authorize == Authorize.DENY) {
            back = "error=access_denied";
        } else {
            String code = UUID.randomUUID().toString();
            codes.put(code, new String[] {q.get("code_challenge"), q.get("scope")});
            back = "code=" + code;
        }
        ex.getResponseHeaders().add("Location", redirect + (redirect.contains("?") ? "&" : "?") + back + "&state="
                + enc(state));
        ex.sendResponseHeaders(302, -1);
        ex.close();
    }

    private void token(HttpExchange ex) throws IOException {
        tokenRequests.incrementAndGet();
        noteUpgrade(ex);
        if (tokenEndpointDown) {
            send(ex, 503, error("temporarily_unavailable", "down for maintenance"));
            return;
        }
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        tokenForms.add(f);
        String authorization = ex.getRequestHeaders().getFirst("Authorization");
        tokenAuthorizations.add(String.valueOf(authorization));
        Predicate<HttpExchangeView> auth = clientAuthentication;
        if (auth != null ? !auth.test(new HttpExchangeView(authorization, f, tokenEndpoint()))
                : !clientId.equals(f.get("client_id"))) {
            send(ex, 401, error("invalid_client", "client authentication failed"));
            return;
        }
        String scope;
        if ("authorization_code".equals(f.get("grant_type"))) {
            String[] issued = codes.remove(String.valueOf(f.get("code")));
            if (issued == null || !issued[0].equals(challenge(f.getOrDefault("code_verifier", "")))) {
                send(ex, 400, error("invalid_grant", "code unknown, used or PKCE mismatch"));
                return;
            }
            scope = issued[1];
        } else if ("refresh_token".equals(f.get("grant_type"))) {
            scope = refreshTokens.remove(String.valueOf(f.get("refresh_token")));
            if (scope == null || grantsRevoked) {
                send(ex, refusedGrantStatus, error("invalid_grant", "the grant was revoked"));
                return;
            }
        } else {
            send(ex, 400, error("unsupported_grant_type", null));
            return;
        }
        ObjectNode body = JSON.createObjectNode();
        String accessToken = UUID.randomUUID().toString();
        accessTokens.add(accessToken);
        body.put("access_token", accessToken);
        body.put("token_type", "Bearer");
        body.put("expires_in", expiresIn);
        body.put("scope", scope);
        body.put("patient", "p-1");
        if (List.of(scope.split(" ")).contains("offline_access")) {
            String refresh = UUID.randomUUID().toString();
            refreshTokens.put(refresh, scope);
            body.put("refresh_token", refresh);
        }
        send(ex, 200, body);
    }

    private void patient(HttpExchange ex) throws IOException {
        if (fhirStatus != 200) {
            fhir(ex); // the FHIR server is down for the Patient too
            return;
        }
        String authorization = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.startsWith("Bearer ") || !accessTokens.contains(authorization.substring(7))) {
            send(ex, 401, error("invalid_token", null));
            return;
        }
        if (patientName == null || !ex.getRequestURI().getPath().equals("/fhir/Patient/p-1")) {
            send(ex, 404, JSON.createObjectNode().put("resourceType", "OperationOutcome"));
            return;
        }
        ObjectNode patient = JSON.createObjectNode().put("resourceType", "Patient").put("id", "p-1");
        patient.putArray("name").addObject().put("text", patientName);
        if (patientBirthDate != null) {
            patient.put("birthDate", patientBirthDate);
        }
        send(ex, 200, patient);
    }

    /**
     * The FHIR API besides the Patient: metadata (public), searches of {@link #searchResults} and Binary reads, with a
     * valid access token; everything answers {@link #fhirStatus} while that is not 200.
     */
    private void fhir(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        fhirRequests.add(path + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI()
                .getRawQuery()));
        fhirRequestNanos.add(System.nanoTime());
        if (fhirStatus != 200) {
            if (fhirRetryAfter != null) {
                ex.getResponseHeaders().add("Retry-After", fhirRetryAfter);
            }
            send(ex, fhirStatus, JSON.createObjectNode().put("resourceType", "OperationOutcome"));
            return;
        }
        if (path.equals("/fhir/metadata")) {
            ObjectNode cs = JSON.createObjectNode().put("resourceType", "CapabilityStatement").put("status", "active")
                    .put("kind", "instance").put("fhirVersion", "4.0.1");
            cs.putArray("format").add("json");
            send(ex, 200, cs);
            return;
        }
        String authorization = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
        if (!authorization.startsWith("Bearer ") || !accessTokens.contains(authorization.substring(7))) {
            send(ex, 401, error("invalid_token", null));
            return;
        }
        String[] parts = path.substring("/fhir/".length()).split("/");
        if (parts.length == 2 && parts[0].equals("Binary")) {
            binary(ex, parts[1]);
        } else if (parts.length == 1) {
            ObjectNode bundle = JSON.createObjectNode().put("resourceType", "Bundle").put("type", "searchset");
            List<JsonNode> found = searchResults.getOrDefault(parts[0], List.of());
            bundle.put("total", found.size());
            found.forEach(r -> bundle.withArray("entry").addObject().set("resource", r));
            send(ex, 200, bundle);
        } else {
            send(ex, 404, JSON.createObjectNode().put("resourceType", "OperationOutcome"));
        }
    }

    /** A Binary as its own bytes (R4: a read without a FHIR Accept), or as a FHIR Binary resource. */
    private void binary(HttpExchange ex, String id) throws IOException {
        Binary b = binaries.get(id);
        if (b == null) {
            send(ex, 404, JSON.createObjectNode().put("resourceType", "OperationOutcome"));
            return;
        }
        String accept = String.valueOf(ex.getRequestHeaders().getFirst("Accept"));
        if (accept.startsWith("application/fhir+json")) {
            send(ex, 200, JSON.createObjectNode().put("resourceType", "Binary").put("id", id)
                    .put("contentType", b.contentType()).put("data", Base64.getEncoder().encodeToString(b.bytes())));
            return;
        }
        ex.getResponseHeaders().add("Content-Type", b.contentType());
        ex.sendResponseHeaders(200, b.bytes().length);
        ex.getResponseBody().write(b.bytes());
        ex.close();
    }

    private void noteUpgrade(HttpExchange ex) {
        String upgrade = ex.getRequestHeaders().getFirst("Upgrade");
        if (upgrade != null) {
            upgrades.add(ex.getRequestURI().getPath() + ": " + upgrade);
        }
    }

    private static JsonNode error(String code, String description) {
        ObjectNode e = JSON.createObjectNode().put("error", code);
        if (description != null) {
            e.put("error_description", description);
        }
        return e;
    }

    private static void send(HttpExchange ex, int status, JsonNode body) throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        ex.getResponseHeaders().add("Content-Type", "application/json");
        ex.getResponseHeaders().add("Cache-Control", "no-store");
        ex.sendResponseHeaders(status, bytes.length);
        ex.getResponseBody().write(bytes);
        ex.close();
    }

    static Map<String, String> form(String raw) {
        Map<String, String> m = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return m;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            m.put(k, v);
        }
        return m;
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static String challenge(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
