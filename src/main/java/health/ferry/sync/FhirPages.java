package health.ferry.sync;

import health.ferry.connections.PortalAccess;
import health.ferry.outbound.OutboundPolicy;
import health.ferry.outbound.OutboundRefused;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import io.smallrye.faulttolerance.api.Guard;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * Reads one searchset page from a portal's FHIR API with the session's token: redirects are not followed and a
 * URL off the FHIR base's origin is never requested, so the token goes nowhere else; bodies are capped.
 */
final class FhirPages {
    /** A page as received: status and bytes (empty unless 200). */
    record Page(int status, byte[] body) {
    }

    /**
     * An attachment as received: status, the content type it was served as, and its bytes (null unless 200 and
     * within the cap; {@code tooLarge} when it was over).
     */
    record Download(int status, String contentType, byte[] body, boolean tooLarge) {
    }

    private final HttpClient http;

    private final Duration timeout;
    private final int maxBytes;
    private final Guard guard;
    private final OutboundPolicy policy;
    private final PortalRateLimits.Gate gate;

    /** A client for FHIR pages: no redirects followed (a redirect is an answer like any other), connect timeout. */
    static HttpClient client(Duration timeout) {
        return client(timeout, HttpClient.Version.HTTP_1_1);
    }

    /** The same, with this HTTP version ({@code ferry.connections.portal-http-version}; HTTP/1.1 by default). */
    static HttpClient client(Duration timeout, HttpClient.Version version) {
        return health.ferry.connections.spi.PortalHttp.client(timeout, version);
    }

    /**
     * With a shared client ({@link #client}): one per application, so connections to a portal are reused. Every
     * request, each retry included, passes the endpoint's rate-limit {@code gate} first ({@link PortalRateLimits}).
     */
    FhirPages(HttpClient http, Duration timeout, int maxBytes, Guard guard, OutboundPolicy policy,
            PortalRateLimits.Gate gate) {
        this.policy = policy;
        this.gate = gate;
        this.http = http;
        this.timeout = timeout;
        this.maxBytes = maxBytes;
        this.guard = guard;
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

    /**
     * The page, through the portal's guard: network errors, timeouts, 429 and 5xx are retried with backoff (or
     * after {@code Retry-After}) and feed the portal's circuit breaker; when they persist the run fails
     * {@code portal_unavailable}, carrying the portal's {@code Retry-After}.
     */
    Page get(PortalAccess.Session session, URI url) {
        return guarded(session, url, () -> fetch(session, url), Page.class);
    }

    /**
     * An attachment (a Binary, R4: its bytes when asked for its own type, or a FHIR Binary resource), with the same
     * token, guard, rate limit and address rules as a page, read up to {@code maxBytes} (base64 in a Binary resource
     * may take a third more).
     */
    Download download(PortalAccess.Session session, URI url, String accept, int maxBytes) {
        return guarded(session, url, () -> fetchDownload(session, url, accept, maxBytes), Download.class);
    }

    private <T> T guarded(PortalAccess.Session session, URI url, java.util.concurrent.Callable<T> call,
            Class<T> type) {
        if (!sameOrigin(session.fhirBase(), url)) {
            throw new SyncStopped(SyncFailure.PORTAL_UNAVAILABLE);
        }
        try {
            policy.check(url);
        } catch (OutboundRefused e) {
            // The portal's FHIR address is not one Ferry may reach: a set-up problem, never retried.
            throw new SyncStopped(SyncFailure.PORTAL_NOT_SUPPORTED);
        }
        try {
            return guard.call(call, type);
        } catch (SyncStopped e) {
            throw e;
        } catch (PortalBusy e) {
            throw new SyncStopped(SyncFailure.PORTAL_UNAVAILABLE, e.retryAfter());
        } catch (Exception e) {
            // CircuitBreakerOpenException and anything else the guard gives up with.
            throw new SyncStopped(SyncFailure.PORTAL_UNAVAILABLE);
        }
    }

    /** What to make of a response's status and body stream (the stream is closed by the caller). */
    @FunctionalInterface
    private interface Reader<T> {
        T read(int status, String contentType, InputStream body) throws IOException;
    }

    private Page fetch(PortalAccess.Session session, URI url) {
        return send(session, url, "application/fhir+json", (status, type, in) -> {
            if (status != 200) {
                return new Page(status, new byte[0]);
            }
            byte[] body = in.readNBytes(maxBytes + 1);
            if (body.length > maxBytes) {
                throw new SyncStopped(SyncFailure.RESPONSE_TOO_LARGE);
            }
            return new Page(200, body);
        });
    }

    private Download fetchDownload(PortalAccess.Session session, URI url, String accept, int max) {
        return send(session, url, accept, (status, type, in) -> {
            if (status != 200) {
                return new Download(status, type, null, false);
            }
            int limit = type.contains("json") ? max / 3 * 4 + 4096 : max; // base64 in a Binary resource
            byte[] body = in.readNBytes(limit + 1);
            return body.length > limit ? new Download(200, type, null, true) : new Download(200, type, body, false);
        });
    }

    /**
     * One request with the session's token, after the endpoint's rate-limit gate: 429 and 5xx are {@link PortalBusy}
     * (with the portal's {@code Retry-After}), as are network errors; any other answer goes to {@code reader}.
     */
    private <T> T send(PortalAccess.Session session, URI url, String accept, Reader<T> reader) {
        gate.pass(); // polite syncing: waits for the endpoint's next request slot, or ends the run
        HttpRequest request = HttpRequest.newBuilder(url).timeout(timeout).header("Accept", accept)
                .header("Authorization", "Bearer " + session.accessToken()).GET().build();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = response.body()) {
                int status = response.statusCode();
                if (status == 429 || status >= 500) {
                    throw new PortalBusy(retryAfter(response.headers().firstValue("Retry-After").orElse(null)));
                }
                return reader.read(status, response.headers().firstValue("Content-Type").orElse(""), in);
            }
        } catch (IOException e) {
            throw new PortalBusy(null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SyncStopped(SyncFailure.PORTAL_UNAVAILABLE);
        }
    }

    /** {@code Retry-After} as seconds or an HTTP date; null when absent or unreadable. */
    static Duration retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim())));
        } catch (NumberFormatException e) {
            try {
                Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                Duration d = Duration.between(Instant.now(), at);
                return d.isNegative() ? Duration.ZERO : d;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
