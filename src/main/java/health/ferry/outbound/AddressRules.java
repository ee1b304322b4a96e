package health.ferry.outbound;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses and host names a server-side request must never reach: loopback, unspecified, link-local,
 * private (RFC 1918, IPv6 ULA and site-local), shared (CGNAT), multicast, broadcast, reserved and documentation
 * ranges, and cloud metadata services; IPv4 carried inside IPv6 (mapped, compatible, NAT64, 6to4) is judged as the
 * IPv4 address it carries. Host literals are read the way resolvers and browsers read them (WHATWG URL), so
 * {@code 2130706433}, {@code 0x7f.1} and {@code 0177.0.0.1} are all 127.0.0.1. Pure functions: no DNS here.
 */
public final class AddressRules {
    private AddressRules() {
    }

    /** Why an address is refused; {@link #code()} names it in logs and reports. */
    public enum Refusal {
        LOOPBACK, UNSPECIFIED, LINK_LOCAL, PRIVATE, SHARED, MULTICAST, BROADCAST, RESERVED, METADATA, INTERNAL_NAME,
        AMBIGUOUS_LITERAL;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** In words, for an admin's import report. */
        public String words() {
            return switch (this) {
                case LOOPBACK -> "a loopback address (this machine)";
                case UNSPECIFIED -> "an unspecified address (0.0.0.0 or ::)";
                case LINK_LOCAL -> "a link-local address";
                case PRIVATE -> "a private network address";
                case SHARED -> "a carrier-grade NAT (shared) address";
                case MULTICAST -> "a multicast address";
                case BROADCAST -> "the broadcast address";
                case RESERVED -> "a reserved or documentation address";
                case METADATA -> "a cloud metadata service";
                case INTERNAL_NAME -> "a local or internal host name";
                case AMBIGUOUS_LITERAL -> "an address written in a non-standard numeric form";
            };
        }
    }

    /** An IP literal as a URL host: the address, and whether it was written in the standard form. */
    public record Literal(InetAddress address, boolean standard) {
    }

    /** Why this address must not be reached, or empty when it is a public unicast address. */
    public static Optional<Refusal> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return refusal4(b);
        }
        if (address instanceof Inet6Address) {
            return refusal6(b);
        }
        return Optional.of(Refusal.RESERVED);
    }

    /**
     * Why a URL host (as {@link java.net.URI#getHost()} gives it, brackets allowed) is refused without resolving it:
     * an internal name, an IP literal that is refused, or a literal in a non-standard numeric form. Empty for a host
     * name that only DNS can judge, or a public standard literal.
     */
    public static Optional<Refusal> hostRefusal(String host) {
        if (host == null || host.isBlank()) {
            return Optional.of(Refusal.RESERVED);
        }
        Optional<Literal> literal = literal(host);
        if (literal.isPresent()) {
            Optional<Refusal> r = refusal(literal.get().address());
            if (r.isPresent()) {
                return r;
            }
            return literal.get().standard() ? Optional.empty() : Optional.of(Refusal.AMBIGUOUS_LITERAL);
        }
        return internalName(host) ? Optional.of(Refusal.INTERNAL_NAME) : Optional.empty();
    }

    /** Names that lead to this machine or a local network whatever DNS says: no dot, or a local-use suffix. */
    static boolean internalName(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return !h.contains(".") || h.equals("localhost") || h.endsWith(".localhost") || h.endsWith(".local")
                || h.endsWith(".localdomain") || h.endsWith(".internal") || h.endsWith(".intranet")
                || h.endsWith(".home.arpa") || h.endsWith(".lan") || h.endsWith(".corp");
    }

    /**
     * The IP address a URL host denotes, when it is a literal: IPv6 in brackets (or bare), or IPv4 in any form a
     * WHATWG URL parser accepts (1 to 4 parts, each decimal, octal with a leading 0, or hex with 0x; the last part
     * fills the remaining bytes). Empty for a host name.
     */
    public static Optional<Literal> literal(String host) {
        String h = host.strip();
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":")) {
            if (!h.matches("[0-9A-Fa-f:.]+(%[0-9A-Za-z._-]+)?")) {
                return Optional.empty();
            }
            try {
                // A literal with a colon is parsed, never looked up.
                return Optional.of(new Literal(InetAddress.getByName(h), true));
            } catch (UnknownHostException e) {
                return Optional.empty();
            }
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] parts = h.split("\\.", -1);
        if (parts.length == 0 || parts.length > 4) {
            return Optional.empty();
        }
        long[] numbers = new long[parts.length];
        boolean standard = parts.length == 4;
        for (int i = 0; i < parts.length; i++) {
            String p = parts[i].toLowerCase(Locale.ROOT);
            long n;
            if (p.isEmpty()) {
                return Optional.empty();
            } else if (p.startsWith("0x")) {
                n = p.length() == 2 ? 0 : parse(p.substring(2), 16);
                standard = false;
            } else if (p.length() > 1 && p.startsWith("0")) {
                n = parse(p.substring(1), 8);
                standard = false;
            } else {
                n = parse(p, 10);
            }
            if (n < 0) {
                return Optional.empty();
            }
            numbers[i] = n;
        }
        long value = 0;
        for (int i = 0; i < numbers.length - 1; i++) {
            if (numbers[i] > 255) {
                return Optional.empty();
            }
            value = (value << 8) | numbers[i];
        }
        int lastBytes = 5 - numbers.length;
        long last = numbers[numbers.length - 1];
        if (last >= (1L << (8 * lastBytes))) {
            return Optional.empty();
        }
        value = (value << (8 * lastBytes)) | last;
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return Optional.of(new Literal(InetAddress.getByAddress(bytes), standard));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** A non-negative number in that radix, or -1 when it is not one (or is absurdly long). */
    private static long parse(String digits, int radix) {
        if (digits.isEmpty() || digits.length() > 12) {
            return -1;
        }
        try {
            return Long.parseLong(digits, radix);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<Refusal> refusal4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 169 && a1 == 254 && ((a2 == 169 && a3 == 254) || (a2 == 170 && a3 == 2))) {
            return Optional.of(Refusal.METADATA); // AWS/GCP/Azure/OpenStack, AWS ECS task metadata
        }
        if (a0 == 100 && a1 == 100 && a2 == 100 && a3 == 200) {
            return Optional.of(Refusal.METADATA); // Alibaba Cloud
        }
        if (a0 == 192 && a1 == 0 && a2 == 0 && a3 == 192) {
            return Optional.of(Refusal.METADATA); // Oracle Cloud
        }
        if (a0 == 0) {
            return Optional.of(Refusal.UNSPECIFIED); // 0.0.0.0/8, "this network"
        }
        if (a0 == 127) {
            return Optional.of(Refusal.LOOPBACK);
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of(Refusal.PRIVATE);
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of(Refusal.SHARED); // 100.64.0.0/10
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of(Refusal.LINK_LOCAL);
        }
        if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) {
            return Optional.of(Refusal.BROADCAST);
        }
        if ((a0 & 0xf0) == 224) {
            return Optional.of(Refusal.MULTICAST);
        }
        if ((a0 & 0xf0) == 240 // 240.0.0.0/4 reserved
                || (a0 == 192 && a1 == 0 && a2 == 0) // IETF protocol assignments
                || (a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113) // documentation
                || (a0 == 198 && (a1 & 0xfe) == 18) // benchmarking 198.18.0.0/15
                || (a0 == 192 && a1 == 88 && a2 == 99)) { // 6to4 relay anycast
            return Optional.of(Refusal.RESERVED);
        }
        return Optional.empty();
    }

    private static Optional<Refusal> refusal6(byte[] b) {
        boolean first10Zero = true;
        for (int i = 0; i < 10; i++) {
            first10Zero &= b[i] == 0;
        }
        if (first10Zero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return refusal4(new byte[] {b[12], b[13], b[14], b[15]}); // IPv4-mapped ::ffff:a.b.c.d
        }
        if (first10Zero && b[10] == 0 && b[11] == 0) {
            boolean upTo15Zero = b[12] == 0 && b[13] == 0 && b[14] == 0;
            if (upTo15Zero && b[15] == 0) {
                return Optional.of(Refusal.UNSPECIFIED); // ::
            }
            if (upTo15Zero && b[15] == 1) {
                return Optional.of(Refusal.LOOPBACK); // ::1
            }
            // IPv4-compatible ::a.b.c.d (deprecated): judged as its IPv4 address, and never reached anyway.
            return Optional.of(refusal4(new byte[] {b[12], b[13], b[14], b[15]}).orElse(Refusal.RESERVED));
        }
        int w0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int w1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (w0 == 0xfd00 && w1 == 0x0ec2 && isAwsMetadataTail(b)) {
            return Optional.of(Refusal.METADATA); // fd00:ec2::254
        }
        if (w0 == 0x0064 && w1 == 0xff9b) {
            boolean wellKnown = true;
            for (int i = 4; i < 12; i++) {
                wellKnown &= b[i] == 0;
            }
            if (wellKnown) { // NAT64 64:ff9b::/96 reaches the IPv4 address it carries
                return refusal4(new byte[] {b[12], b[13], b[14], b[15]});
            }
            return Optional.of(Refusal.PRIVATE); // 64:ff9b:1::/48, local-use NAT64
        }
        if (w0 == 0x2002) { // 6to4 carries an IPv4 address in bits 16-47
            return Optional.of(refusal4(new byte[] {b[2], b[3], b[4], b[5]}).orElse(Refusal.RESERVED));
        }
        if (w0 == 0x2001 && w1 == 0x0000) {
            return Optional.of(Refusal.RESERVED); // Teredo tunnels
        }
        if (w0 == 0x2001 && w1 == 0x0db8) {
            return Optional.of(Refusal.RESERVED); // documentation
        }
        if (w0 == 0x0100 && w1 == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) {
            return Optional.of(Refusal.RESERVED); // discard-only 100::/64
        }
        if ((w0 & 0xff00) == 0xff00) {
            return Optional.of(Refusal.MULTICAST);
        }
        if ((w0 & 0xffc0) == 0xfe80) {
            return Optional.of(Refusal.LINK_LOCAL);
        }
        if ((w0 & 0xffc0) == 0xfec0 || (w0 & 0xfe00) == 0xfc00) {
            return Optional.of(Refusal.PRIVATE); // site-local (deprecated), unique local fc00::/7
        }
        if ((w0 & 0xe000) != 0x2000) {
            return Optional.of(Refusal.RESERVED); // outside 2000::/3, the global unicast space
        }
        return Optional.empty();
    }

    private static boolean isAwsMetadataTail(byte[] b) {
        for (int i = 4; i < 14; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return b[14] == 0x02 && (b[15] & 0xff) == 0x54;
    }
}
