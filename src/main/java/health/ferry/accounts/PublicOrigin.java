package health.ferry.accounts;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ferry's own origin as browsers reach it ({@code ferry.public-origin}, in prod {@code FERRY_PUBLIC_ORIGIN}), the one
 * source of every absolute URL Ferry hands to another party: the SMART {@code redirect_uri} a portal sends
 * authorization codes to, the {@code post_logout_redirect_uri} of sign-out. Never built from the request's
 * {@code Host} or forwarded headers, which a client chooses (issue 22: a {@code Host: evil.example} made the portal send
 * the participant's authorization code to evil.example). A value that is not a bare http(s) origin stops start-up.
 */
@Startup
@ApplicationScoped
public class PublicOrigin {
    @ConfigProperty(name = "ferry.public-origin")
    String configured;
    private URI origin;

    @PostConstruct
    void check() {
        origin = parse(configured);
    }

    /** The absolute URL of one of Ferry's own paths ({@code /connections/smart/callback}). */
    public URI resolve(String path) {
        if (!path.startsWith("/") || path.startsWith("//")) {
            throw new IllegalArgumentException("Not one of Ferry's own paths: " + path);
        }
        return URI.create(origin + path);
    }

    /** The origin itself, e.g. {@code https://ferry.example.org}. */
    public URI origin() {
        return origin;
    }

    /** The origin a configured value names; anything but a bare http(s) origin is refused. */
    public static URI parse(String configured) {
        URI uri;
        try {
            uri = new URI(configured.strip());
        } catch (java.net.URISyntaxException e) {
            throw invalid(configured);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        boolean bare = (uri.getRawPath() == null || uri.getRawPath().isEmpty() || uri.getRawPath().equals("/"))
                && uri.getRawQuery() == null && uri.getRawFragment() == null && uri.getRawUserInfo() == null;
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || !bare) {
            throw invalid(configured);
        }
        return URI.create(scheme + "://" + uri.getRawAuthority());
    }

    private static IllegalStateException invalid(String configured) {
        return new IllegalStateException("ferry.public-origin (FERRY_PUBLIC_ORIGIN) must be Ferry's origin as browsers "
                + "reach it, e.g. https://ferry.example.org (scheme, host and port only), not '" + configured + "'");
    }
}
