package health.ferry.uploads;

import java.nio.charset.StandardCharsets;

/**
 * {@code Content-Disposition: attachment} (RFC 6266) with a safe ASCII fallback name and the RFC 8187 UTF-8 name.
 * Whatever the name holds (quotes, semicolons, CR/LF, bidi controls such as RTLO, any script), the header is plain
 * ASCII: the fallback keeps only letters, digits, dot, dash and underscore, and the extended value percent-encodes
 * every byte outside RFC 8187's unreserved attr-chars.
 */
final class ContentDisposition {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private ContentDisposition() {
    }

    static String attachment(String name) {
        String base = name == null ? "document" : name.substring(name.lastIndexOf('/') + 1);
        String ascii = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (ascii.isBlank() || ascii.startsWith(".")) {
            ascii = "document" + ascii;
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(base);
    }

    /** RFC 8187 value-chars: ALPHA, DIGIT and {@code - . _ ~} as they are, every other UTF-8 byte as %XX. */
    static String encode(String value) {
        StringBuilder sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
                    || c == '_' || c == '~') {
                sb.append((char) c);
            } else {
                sb.append('%').append(HEX[c >> 4]).append(HEX[c & 0xf]);
            }
        }
        return sb.toString();
    }
}
