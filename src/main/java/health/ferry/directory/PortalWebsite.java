package health.ferry.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One website address of a portal: shown as {@code url}, looked up by {@code host} and {@code path}. */
@Embeddable
class PortalWebsite {
    @Column(nullable = false)
    String url;
    @Column(nullable = false)
    String host;
    @Column(nullable = false)
    String path;

    protected PortalWebsite() {
    }

    PortalWebsite(WebsiteAddress address) {
        this.url = address.url();
        this.host = address.host();
        this.path = address.path();
    }

    String key() {
        return host + path;
    }
}
