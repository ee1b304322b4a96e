package health.ferry.uploads;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * U7: a document's name never breaks or extends the Content-Disposition header (RFC 6266 with an RFC 8187 UTF-8
 * name): quotes, semicolons, CR/LF, non-ASCII, RTLO and the like end up as an ASCII fallback and percent-encoding.
 */
class ContentDispositionTest {
    private static final Pattern HEADER = Pattern.compile(
            "attachment; filename=\"([A-Za-z0-9._-]+)\"; filename\\*=UTF-8''([A-Za-z0-9._~%-]*)");

    private static final String[] NAMES = {
        "report \"final\".pdf",
        "a;b=c; filename=evil.exe",
        "line\r\nSet-Cookie: x=1\r\n.txt",
        "Befund Müller – Ärztin.pdf",
        "検査結果.pdf",
        "invoice\u202Efdp.exe",
        "star*quote'percent%20back\\slash.txt",
        "emoji \uD83D\uDE00.png",
        "\u0000nul.txt",
        ".hidden",
        "",
    };

    @Test
    void everyHostileNameGivesAPlainAsciiHeaderThatDecodesBackToTheName() {
        for (String name : NAMES) {
            String header = ContentDisposition.attachment(name);
            assertTrue(header.chars().allMatch(c -> c >= 0x20 && c < 0x7f), "printable ASCII only: " + header);
            Matcher m = HEADER.matcher(header);
            assertTrue(m.matches(), "one fallback name and one extended name, nothing more: " + header);
            assertEquals(name, URLDecoder.decode(m.group(2).replace("+", "%2B"), StandardCharsets.UTF_8),
                    "the UTF-8 name is the document's name");
            assertTrue(!m.group(1).startsWith("."), "no hidden-file fallback: " + header);
        }
    }

    @Test
    void aPathKeepsOnlyItsLastSegmentAndPlainNamesStayReadable() {
        assertEquals("attachment; filename=\"lab.pdf\"; filename*=UTF-8''lab.pdf",
                ContentDisposition.attachment("records/2024/lab.pdf"));
        assertEquals("attachment; filename=\"R_ntgen_Bericht.pdf\"; filename*=UTF-8''R%C3%B6ntgen%20Bericht.pdf",
                ContentDisposition.attachment("Röntgen Bericht.pdf"));
        assertEquals("attachment; filename=\"invoice_fdp.exe\"; filename*=UTF-8''invoice%E2%80%AEfdp.exe",
                ContentDisposition.attachment("invoice\u202Efdp.exe"), "RTLO is encoded, never sent raw");
        assertEquals("attachment; filename=\"document\"; filename*=UTF-8''document",
                ContentDisposition.attachment(null));
    }
}
