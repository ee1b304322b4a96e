package health.ferry.uploads.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.extractor.EmbeddedDocumentExtractor;
import org.apache.tika.io.TikaInputStream;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.Office;
import org.apache.tika.metadata.PDF;
import org.apache.tika.metadata.PagedText;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.AutoDetectParser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika as the worker runs it: Ferry's configuration (no external tools, no archive expansion, no OCR), detection
 * from the bytes alone (the file name is never given to Tika), and bounded text and embedded documents.
 */
final class TikaParsing implements ParseWorker.Parsing {
    private final TikaConfig config;
    private final AutoDetectParser parser;
    private final ContentDetector detector;
    private final int writeLimit;
    private final int maxEmbedded;
    private final int maxDepth;

    private TikaParsing(TikaConfig config, int writeLimit, int maxEmbedded, int maxDepth) {
        this.config = config;
        this.detector = new ContentDetector(config.getDetector());
        this.parser = new AutoDetectParser(config);
        this.parser.setDetector(detector);
        this.writeLimit = writeLimit;
        this.maxEmbedded = maxEmbedded;
        this.maxDepth = maxDepth;
    }

    /** Loads Tika and warms it on a tiny document, so the first real document's time limit is not spent on that. */
    static TikaParsing load(int writeLimit, int maxEmbedded, int maxDepth) throws TikaException, IOException,
            SAXException {
        TikaParsing parsing = new TikaParsing(config(), writeLimit, maxEmbedded, maxDepth);
        Path warmUp = Files.createTempFile("ferry-warm-up", ".bin");
        try {
            Files.writeString(warmUp, "<?xml version=\"1.0\"?><warm-up>Ferry</warm-up>");
            parsing.parse(warmUp, type -> { });
        } finally {
            Files.deleteIfExists(warmUp);
        }
        return parsing;
    }

    static TikaConfig config() throws TikaException, IOException, SAXException {
        try (InputStream xml = TikaParsing.class.getResourceAsStream("tika-config.xml")) {
            return new TikaConfig(xml);
        }
    }

    TikaConfig tikaConfig() {
        return config;
    }

    @Override
    public Extraction parse(Path file, Consumer<String> detected) {
        Metadata metadata = new Metadata();
        BoundedText text = new BoundedText(writeLimit);
        ParseContext context = new ParseContext();
        LimitedEmbeddedExtractor embedded = new LimitedEmbeddedExtractor(context, maxEmbedded, maxDepth);
        context.set(EmbeddedDocumentExtractor.class, embedded);
        context.set(Parser.class, parser);
        String type = Extraction.UNKNOWN_TYPE;
        ExtractionOutcome outcome = ExtractionOutcome.OK;
        String failure = null;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = detector.detect(in, metadata).toString();
            detected.accept(type);
            parser.parse(in, new BodyContentHandler(text), metadata, context);
        } catch (EncryptedDocumentException e) {
            outcome = ExtractionOutcome.ENCRYPTED;
            failure = e.getClass().getSimpleName();
        } catch (Exception | StackOverflowError | LinkageError e) {
            outcome = ExtractionOutcome.PARSE_FAILED;
            failure = e.getClass().getSimpleName();
        }
        boolean encrypted = outcome == ExtractionOutcome.ENCRYPTED || "true".equals(metadata.get(PDF.IS_ENCRYPTED));
        return new Extraction(outcome, type, text.text(), pages(metadata), text.limitReached(),
                embedded.limitReached(), encrypted, parsers(metadata), failure);
    }

    private static int pages(Metadata metadata) {
        Integer pages = metadata.getInt(PagedText.N_PAGES);
        if (pages == null) {
            pages = metadata.getInt(Office.PAGE_COUNT);
        }
        return pages == null ? 0 : pages;
    }

    private static List<String> parsers(Metadata metadata) {
        return Arrays.stream(metadata.getValues(TikaCoreProperties.TIKA_PARSED_BY)).distinct().toList();
    }
}
