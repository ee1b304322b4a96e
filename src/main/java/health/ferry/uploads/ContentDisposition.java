package health.ferry.uploads;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** {@code Content-Disposition: attachment} with a safe ASCII fallback name and the RFC 5987 UTF-8 name. */
final class ContentDisposition {
    private ContentDisposition() {
    }

    static String attachment(String name) {
        String base = name == null ? "document" : name.substring(name.lastIndexOf('/') + 1);
        String ascii = base.replaceAll("[^A-Za-z0-9._-]", "_");
        if (ascii.isBlank() || ascii.startsWith(".")) {
            ascii = "document" + ascii;
        }
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                + URLEncoder.encode(base, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
