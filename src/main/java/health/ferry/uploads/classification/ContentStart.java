package health.ferry.uploads.classification;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** The first non-blank character of a text file (after any byte-order mark): tells XML and JSON from prose. */
final class ContentStart {
    private static final int PEEK = 512;

    private ContentStart() {
    }

    static char firstCharacter(Path file) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(PEEK);
        }
        Charset charset = StandardCharsets.UTF_8;
        int skip = 0;
        if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        }
        String text = new String(head, skip, head.length - skip, charset).replace("\uFEFF", "").stripLeading();
        return text.isEmpty() ? 0 : text.charAt(0);
    }
}
