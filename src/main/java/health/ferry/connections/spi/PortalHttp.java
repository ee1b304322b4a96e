package health.ferry.connections.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.outbound.OutboundPolicy;
import health.ferry.outbound.OutboundRefused;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * JSON over HTTP to a portal, with hard limits: connect and request timeouts, a cap on the answer's size, no
 * redirects followed (a portal's answer must come from the address in the directory), and every address checked by
 * the outbound policy first ({@link OutboundRefused} when it is not one Ferry may reach).
 */
public final class PortalHttp {
    static final int MAX_BODY = 256 * 1024;

    private final HttpClient client;
    private final ObjectMapper json;
    private final Duration timeout;
    private final OutboundPolicy policy;

    public PortalHttp(ObjectMapper json, Duration timeout, OutboundPolicy policy) {
        this(json, timeout, policy, HttpClient.Version.HTTP_1_1);
    }

    public PortalHttp(ObjectMapper json, Duration timeout, OutboundPolicy policy, HttpClient.Version version) {
        this.client = client(timeout, version);
        this.json = json;
        this.timeout = timeout;
        this.policy = policy;
    }

    /**
     * The HTTP client toward portals: connect timeout, no redirects, and HTTP/1.1 unless configured
     * ({@code ferry.connections.portal-http-version}): the JDK's default HTTP/2 sends an {@code Upgrade: h2c} probe
     * on plain http that some proxies in front of EHRs answer badly (a 30 s timeout per request).
     */
    public static HttpClient client(Duration timeout, HttpClient.Version version) {
        return HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER)
                .version(version).build();
    }

    /** A portal's answer: status and JSON body (an empty object when the body is not JSON). */
    public record Answer(int status, JsonNode body) {
        public String error() {
            return body.path("error").asText("");
        }

        /** The OAuth {@code error_description} (free text from the portal: admins only), or null. */
        public String description() {
            return body.path("error_description").isTextual() ? body.path("error_description").asText() : null;
        }
    }

    /** POSTs a JSON object. */
    public Answer post(URI uri, Map<String, String> body) {
        try {
            return send(HttpRequest.newBuilder(policy.check(uri)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        } catch (IOException e) {
            throw new PortalUnavailable("request not encodable", null);
        }
    }

    /** POSTs an HTML-form-encoded body (OAuth token requests). */
    public Answer postForm(URI uri, Map<String, String> form) {
        return postForm(uri, form, Map.of());
    }

    /** POSTs an HTML-form-encoded body with these headers (a token request with client authentication). */
    public Answer postForm(URI uri, Map<String, String> form, Map<String, String> headers) {
        StringBuilder sb = new StringBuilder();
        form.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : "&").append(enc(k)).append('=').append(enc(v)));
        HttpRequest.Builder builder = HttpRequest.newBuilder(policy.check(uri))
                .header("Content-Type", "application/x-www-form-urlencoded");
        headers.forEach(builder::header);
        return send(builder.POST(HttpRequest.BodyPublishers.ofString(sb.toString())));
    }

    /** GETs a JSON document. */
    public Answer get(URI uri) {
        return get(uri, Map.of());
    }

    /** GETs a JSON document with these headers (a FHIR read with a bearer token). */
    public Answer get(URI uri, Map<String, String> headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(policy.check(uri)).GET();
        headers.forEach(builder::header);
        return send(builder);
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, java.nio.charset.StandardCharsets.UTF_8);
    }

    private Answer send(HttpRequest.Builder builder) {
        try {
            HttpRequest request = builder.timeout(timeout).header("Accept", "application/json").build();
            HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
            int status = response.statusCode();
            JsonNode parsed = read(response.body());
            if (status == 429 || status >= 500) {
                throw new PortalUnavailable("portal answered " + status, retryAfter(response));
            }
            return new Answer(status, parsed);
        } catch (IOException e) {
            throw new PortalUnavailable("portal not reachable: " + e.getClass().getSimpleName(), null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new PortalUnavailable("interrupted", null);
        }
    }

    private JsonNode read(InputStream in) throws IOException {
        try (in) {
            byte[] bytes = in.readNBytes(MAX_BODY + 1);
            if (bytes.length > MAX_BODY) {
                throw new PortalUnavailable("portal answer too large", null);
            }
            try {
                JsonNode node = json.readTree(bytes);
                return node == null ? json.createObjectNode() : node;
            } catch (IOException notJson) {
                return json.createObjectNode();
            }
        }
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Duration.ofSeconds(Math.min(3600, Long.parseLong(v.trim())));
            } catch (NumberFormatException e) {
                return null;
            }
        }).orElse(null);
    }
}
