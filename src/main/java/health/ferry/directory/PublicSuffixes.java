package health.ferry.directory;

import java.util.Arrays;
import java.util.Set;

/**
 * A compact stand-in for the Public Suffix List: every last label is a suffix (com, org, health, example…), plus
 * the common multi-part ones below and a few shared hosting domains where each customer has its own sub-domain.
 * Not the full list: a rarer multi-part suffix makes the fallback match a little too widely, never too narrowly.
 */
final class PublicSuffixes {
    private static final Set<String> MULTI_PART = Set.of(
            // United Kingdom
            "ac.uk", "co.uk", "gov.uk", "ltd.uk", "me.uk", "net.uk", "nhs.uk", "org.uk", "plc.uk", "police.uk",
            "sch.uk",
            // Australia and New Zealand
            "com.au", "net.au", "org.au", "edu.au", "gov.au", "asn.au", "id.au",
            "co.nz", "org.nz", "net.nz", "ac.nz", "govt.nz", "health.nz", "school.nz",
            // Elsewhere, common ones
            "co.jp", "or.jp", "ne.jp", "ac.jp", "go.jp", "co.kr", "or.kr", "co.in", "org.in", "net.in", "gov.in",
            "co.za", "org.za", "gov.za", "com.br", "org.br", "gov.br", "com.mx", "org.mx", "gob.mx", "com.ar",
            "com.cn", "org.cn", "gov.cn", "com.hk", "org.hk", "com.sg", "org.sg", "gov.sg", "com.tr", "co.il",
            "org.il", "gc.ca", "qc.ca", "on.ca", "bc.ca", "ab.ca",
            // Shared hosting: every customer is its own site.
            "github.io", "azurewebsites.net", "cloudapp.net", "herokuapp.com", "appspot.com", "web.app",
            "firebaseapp.com", "netlify.app", "vercel.app", "pages.dev", "blogspot.com", "wixsite.com",
            "squarespace.com",
            // Shared patient-portal hosting: each practice has its own sub-domain.
            "followmyhealth.com", "portal.athenahealth.com");
    /** US state and territory codes: {@code <state>.us} is a suffix as in the Public Suffix List. */
    private static final Set<String> US_STATES = Set.of("ak", "al", "ar", "as", "az", "ca", "co", "ct", "dc", "de",
            "fl", "ga", "gu", "hi", "ia", "id", "il", "in", "ks", "ky", "la", "ma", "md", "me", "mi", "mn", "mo", "ms",
            "mt", "nc", "nd", "ne", "nh", "nj", "nm", "nv", "ny", "oh", "ok", "or", "pa", "pr", "ri", "sc", "sd", "tn",
            "tx", "ut", "va", "vi", "vt", "wa", "wi", "wv", "wy");

    private PublicSuffixes() {
    }

    /** The public suffix plus one label, or null for an IP address, a bare suffix or a single label. */
    static String registrableDomain(String host) {
        if (host == null || host.isEmpty() || Character.isDigit(host.charAt(host.length() - 1))) {
            return null;
        }
        String[] labels = host.split("\\.");
        int suffixLabels = suffixLength(labels);
        if (labels.length <= suffixLabels) {
            return null;
        }
        return String.join(".", Arrays.copyOfRange(labels, labels.length - suffixLabels - 1,
                labels.length));
    }

    private static int suffixLength(String[] labels) {
        int n = labels.length;
        if (n >= 3 && MULTI_PART.contains(labels[n - 3] + "." + labels[n - 2] + "." + labels[n - 1])) {
            return 3;
        }
        if (n >= 2 && (MULTI_PART.contains(labels[n - 2] + "." + labels[n - 1])
                || labels[n - 1].equals("us") && US_STATES.contains(labels[n - 2]))) {
            return 2;
        }
        return 1;
    }
}
