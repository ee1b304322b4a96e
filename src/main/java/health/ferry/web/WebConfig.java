package health.ferry.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;

/** Web-shell settings (prefix {@code ferry.web}). */
@ConfigMapping(prefix = "ferry.web")
public interface WebConfig {
    /** Origins, besides 'self', that forms may post or redirect to: the IdP (login and logout). */
    @WithDefault("http://localhost:*")
    List<String> formActionOrigins();

    /** Send Strict-Transport-Security (on in prod, where Ferry is served over HTTPS). */
    @WithDefault("false")
    boolean hsts();

    /** Mark Ferry's own cookies Secure (on in prod). */
    @WithDefault("false")
    boolean secureCookies();
}
