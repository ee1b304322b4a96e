package health.ferry.sandbox;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;

/** The sandbox's public addresses, all on the origin of {@code ferry.sandbox.base-url}. */
@ApplicationScoped
class SandboxUrls {
    static final String FHIR_PATH = "/sandbox/fhir";

    private final String base;

    SandboxUrls(SandboxConfig config) {
        String url = config.baseUrl();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** The FHIR base URL: the SMART {@code aud} and the {@code iss} the authorization server names itself by. */
    String fhirBase() {
        return base + FHIR_PATH;
    }

    String authorize() {
        return base + "/sandbox/oauth/authorize";
    }

    String token() {
        return base + "/sandbox/oauth/token";
    }

    String terms(String ticket) {
        return base + "/sandbox/terms?ticket=" + ticket;
    }

    String password() {
        return base + "/sandbox/password";
    }

    /** Whether a redirect_uri may receive codes: an absolute http(s) URL on the sandbox's (Ferry's) own origin. */
    boolean allowedRedirect(String redirectUri) {
        try {
            URI uri = URI.create(redirectUri);
            URI origin = URI.create(base);
            return uri.isAbsolute() && uri.getFragment() == null && uri.getRawUserInfo() == null
                    && origin.getScheme().equalsIgnoreCase(uri.getScheme())
                    && origin.getHost().equalsIgnoreCase(uri.getHost()) && port(origin) == port(uri);
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    private static int port(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }
}
