package health.ferry.directory;

import com.google.common.net.InternetDomainName;
import java.util.Set;

/**
 * Registrable domains by the Public Suffix List (Guava's {@link InternetDomainName}, which carries a copy of the list,
 * its private section included: {@code github.io}, {@code herokuapp.com} and the like are suffixes), plus the patient
 * portal and EHR hosting domains where every practice or hospital has its own sub-domain and which the list does not
 * name. A site's registrable domain is what a pasted homepage and a portal's own addresses have in common.
 */
final class PublicSuffixes {
    /** Shared patient-portal and EHR hosting: each customer is its own site under these. */
    static final Set<String> SHARED_HOSTING = Set.of("followmyhealth.com", "portal.athenahealth.com",
            "epichosted.com", "epic.com", "healow.com", "cernerhealth.com", "iqhealth.com");

    private PublicSuffixes() {
    }

    /** The public suffix plus one label, or null for an IP address, a bare suffix or a name that is not a domain. */
    static String registrableDomain(String host) {
        if (host == null || host.isEmpty() || Character.isDigit(host.charAt(host.length() - 1))) {
            return null;
        }
        if (SHARED_HOSTING.contains(host)) {
            return null;
        }
        String shared = sharedHosting(host);
        if (shared != null) {
            return shared;
        }
        if (!InternetDomainName.isValid(host)) {
            return null;
        }
        InternetDomainName name = InternetDomainName.from(host);
        if (name.isTopPrivateDomain() || name.isUnderPublicSuffix()) {
            return name.topPrivateDomain().toString();
        }
        if (name.hasPublicSuffix()) {
            return null; // the host is itself a public suffix (co.uk, github.io)
        }
        // An unlisted last label (a private or reserved top-level name such as .example or .test): the last two.
        int dot = host.lastIndexOf('.', host.lastIndexOf('.') - 1);
        return host.indexOf('.') < 0 ? null : host.substring(dot + 1);
    }

    /** The customer's own site under a shared hosting domain, null for a bare hosting domain or another host. */
    private static String sharedHosting(String host) {
        for (String suffix : SHARED_HOSTING) {
            if (host.endsWith("." + suffix)) {
                String customer = host.substring(0, host.length() - suffix.length() - 1);
                return customer.substring(customer.lastIndexOf('.') + 1) + "." + suffix;
            }
        }
        return null;
    }
}
