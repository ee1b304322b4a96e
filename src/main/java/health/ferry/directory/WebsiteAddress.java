package health.ferry.directory;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A website address as a person pastes it, reduced to a lookup {@code host} (lower case, punycode, no {@code www.},
 * no port or user) and {@code path} (lower case, no query, fragment or trailing slash), plus a {@code url} to show.
 */
record WebsiteAddress(String host, String path, String url) {
    static final int MAX_INPUT = 2048;
    static final int MAX_PATH = 512;
    private static final String EXAMPLE = "Enter the address you see in your browser, for example mychart.example.org.";
    private static final Pattern WEB_SCHEME = Pattern.compile("^(https?)(?::/*|//)", Pattern.CASE_INSENSITIVE);
    private static final Pattern OTHER_SCHEME = Pattern.compile(
            "^(?:[a-z][a-z0-9+.-]*://|(?:mailto|javascript|data|file|tel|sms|about|blob|urn|vbscript):)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final Pattern TLD = Pattern.compile("[a-z]{2,63}|xn--[a-z0-9-]{1,59}");
    private static final Pattern IPV4 = Pattern.compile("(?:(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}"
            + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern WWW = Pattern.compile("^www\\d{0,3}\\.");
    private static final String OPENERS = "<\"'([{«“‘";
    private static final String CLOSERS = ">\"')]}»”’";

    /** The outcome of reading a pasted address: the address, or why there is none (never an exception). */
    record Parsed(WebsiteAddress address, String problem) {
        boolean ok() {
            return address != null;
        }

        private static Parsed fail(String problem) {
            return new Parsed(null, problem);
        }
    }

    /** The host and path together: what identifies a website in the directory. */
    String key() {
        return host + path;
    }

    /** The registrable domain ({@code example.co.uk} for {@code mychart.example.co.uk}), or null (IP, suffix). */
    String registrableDomain() {
        return PublicSuffixes.registrableDomain(host);
    }

    static Parsed parse(String input) {
        try {
            return read(input);
        } catch (RuntimeException unexpected) {
            // Belt and braces: a lookup must never fail on what someone pastes.
            return Parsed.fail("That does not look like a website address. " + EXAMPLE);
        }
    }

    private static Parsed read(String input) {
        if (input != null && input.length() > MAX_INPUT * 2) {
            return Parsed.fail("That address is too long. " + EXAMPLE);
        }
        String s = unwrap(input == null ? "" : input);
        if (s.isEmpty()) {
            return Parsed.fail("Enter a website address. " + EXAMPLE);
        }
        if (s.length() > MAX_INPUT) {
            return Parsed.fail("That address is too long. " + EXAMPLE);
        }
        s = firstAddressLike(s).replace('\\', '/');
        String scheme = "https";
        Matcher web = WEB_SCHEME.matcher(s);
        if (web.find()) {
            scheme = web.group(1).toLowerCase(Locale.ROOT);
            s = s.substring(web.end()).replaceFirst("^/+", "");
        } else if (s.startsWith("//")) {
            s = s.substring(2);
        } else if (OTHER_SCHEME.matcher(s).find()) {
            return Parsed.fail("Only web addresses (http or https) can be looked up. " + EXAMPLE);
        }
        int end = indexOfAny(s, "/?#");
        String authority = end < 0 ? s : s.substring(0, end);
        String rest = end < 0 ? "" : s.substring(end);
        authority = authority.substring(authority.lastIndexOf('@') + 1);
        String port = "";
        int colon = authority.indexOf(':');
        if (authority.startsWith("[")) {
            return Parsed.fail("Enter the portal's name, not its IP address. " + EXAMPLE);
        }
        if (colon >= 0) {
            port = authority.substring(colon + 1);
            authority = authority.substring(0, colon);
            if (!port.matches("\\d{0,5}")) {
                return Parsed.fail("That address has an invalid port. " + EXAMPLE);
            }
        }
        String fullHost = asciiHost(authority);
        if (fullHost == null) {
            return Parsed.fail("That does not look like a website address. " + EXAMPLE);
        }
        String host = WWW.matcher(fullHost).replaceFirst("");
        if (host.indexOf('.') < 0) {
            host = fullHost;
        }
        String path = path(rest);
        boolean defaultPort = port.isEmpty() || port.equals(scheme.equals("http") ? "80" : "443");
        String url = scheme + "://" + fullHost + (defaultPort ? "" : ":" + port) + path;
        return new Parsed(new WebsiteAddress(host, path.toLowerCase(Locale.ROOT), url), null);
    }

    /** Strips spaces, invisible characters, quotes, brackets and trailing punctuation around the address. */
    private static String unwrap(String input) {
        String s = input.replaceAll("[\\u200B-\\u200D\\u2060\\uFEFF]", "").replace('\u00A0', ' ').strip();
        boolean changed = true;
        while (changed && !s.isEmpty()) {
            changed = false;
            int open = OPENERS.indexOf(s.charAt(0));
            if (open >= 0) {
                s = s.substring(1).strip();
                changed = true;
            }
            if (!s.isEmpty() && (CLOSERS.indexOf(s.charAt(s.length() - 1)) >= 0
                    || ".,;:!?".indexOf(s.charAt(s.length() - 1)) >= 0)) {
                s = s.substring(0, s.length() - 1).strip();
                changed = true;
            }
        }
        return s;
    }

    /** From "Log in at https://x.org today" keeps the first word that looks like an address. */
    private static String firstAddressLike(String s) {
        String[] words = s.split("\\s+");
        if (words.length == 1) {
            return s;
        }
        for (String word : words) {
            if (word.contains("://") || word.contains(".")) {
                return unwrap(word);
            }
        }
        return words[0];
    }

    /** The host in lower-case ASCII (IDN to punycode), or null when it is not a plausible host name. */
    private static String asciiHost(String raw) {
        String host = raw.strip();
        while (host.endsWith(".") || host.endsWith("。")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.isEmpty()) {
            return null;
        }
        try {
            host = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notIdn) {
            return null;
        }
        if (host.length() > 253) {
            return null;
        }
        if (IPV4.matcher(host).matches()) {
            return host;
        }
        String[] labels = host.split("\\.", -1);
        if (labels.length < 2 || !TLD.matcher(labels[labels.length - 1]).matches()) {
            return null;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return null;
            }
        }
        return host;
    }

    /** The path without query, fragment, matrix parameters, repeated or trailing slashes; capped in length. */
    private static String path(String rest) {
        int cut = indexOfAny(rest, "?#;");
        String p = (cut < 0 ? rest : rest.substring(0, cut)).replaceAll("/{2,}", "/").replaceAll("\\s", "");
        p = p.replaceAll("/\\.(?=/|$)", "");
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p.length() > MAX_PATH ? p.substring(0, MAX_PATH) : p;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
