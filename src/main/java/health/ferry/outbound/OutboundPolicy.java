package health.ferry.outbound;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The one rule for every request Ferry's server makes on someone else's say-so (SMART discovery, token requests,
 * credential sign-ins, FHIR pages, endpoint addresses from an imported list): only http(s), and only to public
 * addresses. A host name is resolved and refused when any of its addresses is loopback, private, link-local,
 * shared, multicast, reserved or a metadata service ({@link AddressRules}). The clients that use it follow no
 * redirects, so an answer cannot move a request elsewhere.
 *
 * <p>DNS rebinding: the check resolves the name through the JVM's resolver cache
 * ({@code networkaddress.cache.ttl}, 30 s by default; it must not be 0), and the HTTP client's connect, which follows
 * at once, is answered from the same cached entry, so a name cannot answer "public" to the check and "internal" to
 * the connect. Every FHIR page is checked again before it is fetched.
 *
 * <p>{@code ferry.outbound.allow-hosts} names hosts exempt from the address rule: dev and tests list
 * {@code localhost} for the sandbox, which Ferry serves itself; production lists none.
 */
@ApplicationScoped
public class OutboundPolicy {
    private static final Logger LOG = Logger.getLogger(OutboundPolicy.class);

    private final Set<String> allowHosts;

    public OutboundPolicy(@ConfigProperty(name = "ferry.outbound.allow-hosts") Optional<List<String>> allowHosts) {
        this.allowHosts = allowHosts.orElse(List.of()).stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .filter(h -> !h.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }

    /** The policy with these exemptions (plain tests; the application injects the configured one). */
    public static OutboundPolicy allowing(String... hosts) {
        return new OutboundPolicy(Optional.of(List.of(hosts)));
    }

    /**
     * Answers the URI when Ferry may request it now, after resolving its host.
     *
     * @throws OutboundRefused when it may not (not http(s), no host, or an address that is not public)
     */
    public URI check(URI uri) {
        String host = hostOf(uri);
        if (allowed(host)) {
            return uri;
        }
        Optional<AddressRules.Refusal> byName = AddressRules.hostRefusal(host);
        if (byName.isPresent()) {
            throw refused(host, byName.get());
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(bare(host));
        } catch (UnknownHostException e) {
            return uri; // nothing to connect to: the request fails as unreachable, like any unknown host
        }
        for (InetAddress a : addresses) {
            Optional<AddressRules.Refusal> r = AddressRules.refusal(a);
            if (r.isPresent()) {
                throw refused(host, r.get());
            }
        }
        return uri;
    }

    /**
     * Why an address from a published list is refused, without resolving it (an import may list thousands; names
     * are resolved when Ferry first fetches from them): not http(s), an internal name, or an internal address
     * literal. Null when it may be listed.
     */
    public String listingProblem(String address) {
        URI uri;
        try {
            uri = URI.create(address.strip());
        } catch (IllegalArgumentException e) {
            return "The address is not a valid URL.";
        }
        String host;
        try {
            host = hostOf(uri);
        } catch (OutboundRefused e) {
            return e.reason();
        }
        if (allowed(host)) {
            return null;
        }
        return AddressRules.hostRefusal(host).map(r -> new OutboundRefused(host, r).reason()).orElse(null);
    }

    private boolean allowed(String host) {
        return allowHosts.contains(bare(host).toLowerCase(Locale.ROOT));
    }

    private static String hostOf(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        // A host URI cannot parse (e.g. http://2130706433/ or an underscore) is read from the raw authority.
        String host = uri.getHost() != null ? uri.getHost() : rawHost(uri.getRawAuthority());
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isBlank()) {
            throw new OutboundRefused(String.valueOf(host), AddressRules.Refusal.RESERVED);
        }
        return host;
    }

    private static String rawHost(String authority) {
        if (authority == null) {
            return null;
        }
        String a = authority.substring(authority.lastIndexOf('@') + 1);
        if (a.startsWith("[")) {
            int end = a.indexOf(']');
            return end < 0 ? null : a.substring(0, end + 1);
        }
        int colon = a.lastIndexOf(':');
        return colon < 0 ? a : a.substring(0, colon);
    }

    private static String bare(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static OutboundRefused refused(String host, AddressRules.Refusal refusal) {
        LOG.warnf("Outbound request to %s refused: %s", host, refusal.code());
        return new OutboundRefused(host, refusal);
    }
}
