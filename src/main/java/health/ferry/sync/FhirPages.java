package health.ferry.sync;

import health.ferry.connections.PortalAccess;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * Reads one searchset page from a portal's FHIR API with the session's token: redirects are not followed and a
 * URL off the FHIR base's origin is never requested, so the token goes nowhere else; bodies are capped.
 */
final class FhirPages {
    /** A page as received: status and bytes (empty unless 200). */
    record Page(int status, byte[] body) {
    }

    private final HttpClient http;
    private final Duration timeout;
    private final int maxBytes;

    FhirPages(Duration timeout, int maxBytes) {
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = timeout;
        this.maxBytes = maxBytes;
    }

    /** Whether a URL has the same scheme, host and port as the FHIR base. */
    static boolean sameOrigin(URI base, URI url) {
        return url.isAbsolute() && Objects.equals(base.getScheme(), url.getScheme())
                && base.getHost() != null && base.getHost().equalsIgnoreCase(url.getHost())
                && port(base) == port(url);
    }

    private static int port(URI u) {
        return u.getPort() != -1 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    Page get(PortalAccess.Session session, URI url) {
        if (!sameOrigin(session.fhirBase(), url)) {
            throw new SyncFailure("portal_unavailable");
        }
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", "application/fhir+json")
                .header("Authorization", "Bearer " + session.accessToken()).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                if (response.statusCode() != 200) {
                    return new Page(response.statusCode(), new byte[0]);
                }
                byte[] body = in.readNBytes(maxBytes + 1);
                if (body.length > maxBytes) {
                    throw new SyncFailure("response_too_large");
                }
                return new Page(200, body);
            }
        } catch (IOException e) {
            throw new SyncFailure("portal_unavailable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncFailure("portal_unavailable");
        }
    }
}
