package health.ferry.directory;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The EHR vendor behind a FHIR endpoint: the importer's hint when given, else recognised from the address (the
 * vendors' own hosts, Epic's {@code /api/FHIR/} path). Unrecognised addresses have no vendor rather than a guess.
 */
final class EhrVendors {
    private static final Map<String, String> HOST_WORDS = new LinkedHashMap<>();

    static {
        HOST_WORDS.put("cerner", "oracle-cerner");
        HOST_WORDS.put("oracle", "oracle-cerner");
        HOST_WORDS.put("epic", "epic");
        HOST_WORDS.put("athenahealth", "athena");
        HOST_WORDS.put("allscripts", "veradigm");
        HOST_WORDS.put("veradigm", "veradigm");
        HOST_WORDS.put("nextgen", "nextgen");
        HOST_WORDS.put("eclinicalworks", "eclinicalworks");
        HOST_WORDS.put("healow", "eclinicalworks");
        HOST_WORDS.put("meditech", "meditech");
    }

    private static final Map<String, String> NAMES = Map.of("epic", "Epic", "oracle-cerner", "Oracle Health (Cerner)",
            "athena", "athenahealth", "veradigm", "Veradigm (Allscripts)", "nextgen", "NextGen",
            "eclinicalworks", "eClinicalWorks", "meditech", "MEDITECH", "sandbox", "Ferry's test system");

    private EhrVendors() {
    }

    /** The vendor's name as people know it, for a vendor code (an unknown code is shown as it is). */
    static String displayName(String code) {
        return code == null ? null : NAMES.getOrDefault(code, code);
    }

    /** A vendor code ({@code [a-z0-9-]}, at most 32), or null. */
    static String of(String hint, String address) {
        String given = normalise(hint);
        if (given != null) {
            return given;
        }
        String lower = address == null ? "" : address.toLowerCase(Locale.ROOT);
        String host = host(lower);
        for (Map.Entry<String, String> e : HOST_WORDS.entrySet()) {
            if (host.contains(e.getKey())) {
                return e.getValue();
            }
        }
        return lower.contains("/api/fhir/r4") || lower.contains("/api/fhir/dstu2") ? "epic" : null;
    }

    /** An admin's or a file's vendor name as a code, or null when there is nothing usable. */
    static String normalise(String hint) {
        if (hint == null) {
            return null;
        }
        String code = hint.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
        return code.isEmpty() ? null : code.length() > 32 ? code.substring(0, 32) : code;
    }

    private static String host(String address) {
        try {
            String host = URI.create(address).getHost();
            return host == null ? "" : host;
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
