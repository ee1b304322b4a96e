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
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.apache.tika.sax.BodyContentHandler;
import org.xml.sax.SAXException;

/**
 * Tika as the worker runs it: Ferry's configuration (no external tools but Tesseract for OCR, no archive expansion),
 * detection from the bytes alone (the file name is never given to Tika), and bounded text and embedded documents.
 * With OCR on, images and PDF pages without a text layer are read by Tesseract within the caps of {@link OcrSettings}
 * ({@link OcrGate}); where Tesseract is not installed, such documents are marked {@link OcrStatus#NOT_INSTALLED}.
 */
final class TikaParsing implements ParseWorker.Parsing {
    private final TikaConfig config;
    private final AutoDetectParser parser;
    private final ContentDetector detector;
    private final int writeLimit;
    private final int maxEmbedded;
    private final int maxDepth;
    private final OcrSettings ocr;
    private final boolean tesseract;

    private TikaParsing(TikaConfig config, int writeLimit, int maxEmbedded, int maxDepth, OcrSettings ocr) {
        this.config = config;
        this.ocr = ocr;
        this.tesseract = ocr.enabled() && OcrConfig.tesseractAvailable(config.getParser());
        this.detector = new ContentDetector(config.getDetector());
        this.parser = new AutoDetectParser(config);
        this.parser.setDetector(detector);
        this.writeLimit = writeLimit;
        this.maxEmbedded = maxEmbedded;
        this.maxDepth = maxDepth;
    }

    /** Loads Tika and warms it on a tiny document, so the first real document's time limit is not spent on that. */
    static TikaParsing load(int writeLimit, int maxEmbedded, int maxDepth, OcrSettings ocr) throws TikaException,
            IOException, SAXException {
        TikaParsing parsing = new TikaParsing(config(ocr), writeLimit, maxEmbedded, maxDepth, ocr);
        Path warmUp = Files.createTempFile("ferry-warm-up", ".bin");
        try {
            Files.writeString(warmUp, "<?xml version=\"1.0\"?><warm-up>Ferry</warm-up>");
            parsing.parse(warmUp, type -> { });
        } finally {
            Files.deleteIfExists(warmUp);
        }
        return parsing;
    }

    /** Ferry's configuration without OCR. */
    static TikaConfig config() throws TikaException, IOException, SAXException {
        return config(OcrSettings.off());
    }

    /**
     * Ferry's configuration, with Tesseract and the PDF parser's {@code auto} OCR strategy when OCR is on and the
     * {@code tesseract} program runs here; without it (not installed, or a configured folder that does not hold it)
     * the worker still starts, without OCR, and marks the documents that needed it.
     */
    static TikaConfig config(OcrSettings ocr) throws TikaException, IOException, SAXException {
        try (InputStream xml = TikaParsing.class.getResourceAsStream("tika-config.xml")) {
            return ocr.enabled() && ocr.tesseractInstalled() ? new TikaConfig(OcrConfig.withOcr(xml, ocr))
                    : new TikaConfig(xml);
        }
    }

    TikaConfig tikaConfig() {
        return config;
    }

    /** OCR is on and Tesseract was found. */
    boolean tesseractAvailable() {
        return tesseract;
    }

    @Override
    public Extraction parse(Path file, Consumer<String> detected) {
        Metadata metadata = new Metadata();
        BoundedText text = new BoundedText(writeLimit);
        ParseContext context = new ParseContext();
        LimitedEmbeddedExtractor embedded = new LimitedEmbeddedExtractor(context, maxEmbedded, maxDepth);
        context.set(EmbeddedDocumentExtractor.class, embedded);
        OcrGate gate = tesseract ? new OcrGate(parser, ocr) : null;
        context.set(Parser.class, gate != null ? gate : parser);
        String type = Extraction.UNKNOWN_TYPE;
        ExtractionOutcome outcome = ExtractionOutcome.OK;
        String failure = null;
        try (TikaInputStream in = TikaInputStream.get(file)) {
            type = detector.detect(in, metadata).toString();
            detected.accept(type);
            if (gate != null && OcrConfig.imageOfText(type)) {
                context.set(TesseractOCRConfig.class, gate.tesseractConfig());
            }
            parser.parse(in, new BodyContentHandler(text), metadata, context);
        } catch (EncryptedDocumentException e) {
            outcome = ExtractionOutcome.ENCRYPTED;
            failure = e.getClass().getSimpleName();
        } catch (Exception | StackOverflowError | LinkageError e) {
            outcome = ExtractionOutcome.PARSE_FAILED;
            failure = e.getClass().getSimpleName();
        }
        boolean encrypted = outcome == ExtractionOutcome.ENCRYPTED || "true".equals(metadata.get(PDF.IS_ENCRYPTED));
        int pages = pages(metadata);
        List<String> parsers = parsers(metadata);
        OcrStatus status = ocrStatus(type, outcome, text.text(), pages, parsers, gate);
        if (outcome == ExtractionOutcome.PARSE_FAILED && status == OcrStatus.TIME_CAP) {
            outcome = ExtractionOutcome.OK; // an image OCR could not finish in time: reported, not a broken document
            failure = null;
        }
        return new Extraction(outcome, type, text.text(), pages, text.limitReached(), embedded.limitReached(),
                encrypted, parsers, failure, status);
    }

    /**
     * What OCR did: for an image, whether Tesseract read it (or ran out of time); for a PDF, what the gate counted
     * of its pages; and where OCR is off or missing, whether the document was one it would have been needed for (an
     * image, or a PDF with fewer than {@link OcrConfig#SCAN_LETTERS_PER_PAGE} letters a page).
     */
    private OcrStatus ocrStatus(String type, ExtractionOutcome outcome, String text, int pages, List<String> parsers,
            OcrGate gate) {
        boolean image = OcrConfig.imageOfText(type);
        boolean scan = type.startsWith("application/pdf") && OcrConfig.looksScanned(text, pages);
        if (outcome == ExtractionOutcome.ENCRYPTED) {
            return OcrStatus.NOT_NEEDED;
        }
        if (gate == null) {
            if (!image && !scan) {
                return OcrStatus.NOT_NEEDED;
            }
            return ocr.enabled() ? OcrStatus.NOT_INSTALLED : OcrStatus.OFF;
        }
        if (image) {
            if (outcome == ExtractionOutcome.PARSE_FAILED) {
                return gate.secondsLeft() < 1 ? OcrStatus.TIME_CAP : OcrStatus.FAILED;
            }
            return parsers.stream().anyMatch(p -> p.endsWith(".TesseractOCRParser")) ? OcrStatus.READ
                    : OcrStatus.NOT_NEEDED;
        }
        return gate.status();
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
