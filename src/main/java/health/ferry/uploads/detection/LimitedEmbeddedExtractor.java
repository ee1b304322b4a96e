package health.ferry.uploads.detection;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.extractor.ParsingEmbeddedDocumentExtractor;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.parser.ParseContext;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/** Parses embedded documents (attachments, OLE objects, PDF portfolio files) up to a count and a depth. */
final class LimitedEmbeddedExtractor extends ParsingEmbeddedDocumentExtractor {
    private final int maxDocuments;
    private final int maxDepth;
    private int documents;
    private int depth;
    private boolean limitReached;

    LimitedEmbeddedExtractor(ParseContext context, int maxDocuments, int maxDepth) {
        super(context);
        this.maxDocuments = maxDocuments;
        this.maxDepth = maxDepth;
    }

    @Override
    public boolean shouldParseEmbedded(Metadata metadata) {
        if (documents >= maxDocuments || depth >= maxDepth) {
            limitReached = true;
            return false;
        }
        return super.shouldParseEmbedded(metadata);
    }

    @Override
    public void parseEmbedded(InputStream stream, ContentHandler handler, Metadata metadata, boolean outputHtml)
            throws SAXException, IOException {
        documents++;
        depth++;
        try {
            super.parseEmbedded(stream, handler, metadata, outputHtml);
        } finally {
            depth--;
        }
    }

    boolean limitReached() {
        return limitReached;
    }
}
