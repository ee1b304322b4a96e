package health.ferry.uploads;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The text extracted from one document, UTF-8, cut at {@link #MAX_BYTES} on a character boundary. */
@Entity
@Table(name = "upload_document_text")
class UploadDocumentText {
    /** H2's and a sensible PostgreSQL row's bound for one value; more text than this adds nothing to review. */
    static final int MAX_BYTES = 1_000_000;

    @Id
    @Column(name = "document_id")
    UUID documentId;
    @Column(nullable = false)
    byte[] content;
    @Column(nullable = false)
    boolean truncated;

    protected UploadDocumentText() {
    }

    UploadDocumentText(UUID documentId, String text) {
        this.documentId = documentId;
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        ByteBuffer out = ByteBuffer.allocate(Math.min(MAX_BYTES, text.length() * 3));
        CharBuffer in = CharBuffer.wrap(text);
        encoder.encode(in, out, true);
        // An encoder stops before a character that does not fit, so the cut never splits one.
        this.truncated = in.hasRemaining();
        this.content = new byte[out.position()];
        out.flip().get(content);
    }

    String text() {
        return new String(content, StandardCharsets.UTF_8);
    }
}
