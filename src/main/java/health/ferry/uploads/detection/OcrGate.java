package health.ferry.uploads.detection;

import java.io.IOException;
import java.io.InputStream;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.apache.tika.parser.ocr.TesseractOCRConfig;
import org.xml.sax.ContentHandler;
import org.xml.sax.SAXException;

/**
 * The parser Tika's PDF parser hands each rendered page to for OCR (it is the {@link Parser} of the parse context),
 * holding one document's OCR to its caps: at most {@code maxPages} pages, and all of them within the time cap (each
 * Tesseract call gets only the time left). A page that fails or times out is counted, not fatal: the document keeps
 * the text read so far. One gate per document; every other parse passes straight through.
 */
final class OcrGate extends ParserDecorator {
    private static final long serialVersionUID = 1L;
    private static final String OCR_TYPE_PREFIX = "image/ocr-";

    private final transient OcrSettings settings;
    private final long deadline;
    private int pagesRead;
    private int pagesFailed;
    private int pagesOverPageCap;
    private int pagesOverTimeCap;

    OcrGate(Parser parser, OcrSettings settings) {
        super(parser);
        this.settings = settings;
        this.deadline = System.nanoTime() + settings.timeout().toNanos();
    }

    /** The Tesseract settings for one call: the configured languages and the time left (at least a second). */
    TesseractOCRConfig tesseractConfig() {
        TesseractOCRConfig config = new TesseractOCRConfig();
        config.setLanguage(settings.languages());
        config.setTimeoutSeconds((int) Math.max(1, Math.min(Integer.MAX_VALUE, secondsLeft())));
        return config;
    }

    long secondsLeft() {
        return (deadline - System.nanoTime()) / 1_000_000_000L;
    }

    @Override
    public void parse(InputStream stream, ContentHandler handler, Metadata metadata, ParseContext context)
            throws IOException, SAXException, TikaException {
        String override = metadata.get(TikaCoreProperties.CONTENT_TYPE_PARSER_OVERRIDE);
        if (override == null || !override.startsWith(OCR_TYPE_PREFIX)) {
            super.parse(stream, handler, metadata, context);
            return;
        }
        synchronized (this) {
            if (pagesRead + pagesFailed >= settings.maxPages()) {
                pagesOverPageCap++;
                return;
            }
            if (secondsLeft() < 1) {
                pagesOverTimeCap++;
                return;
            }
        }
        context.set(TesseractOCRConfig.class, tesseractConfig());
        try {
            super.parse(stream, handler, metadata, context);
            synchronized (this) {
                pagesRead++;
            }
        } catch (TikaException | IOException e) {
            synchronized (this) {
                if (secondsLeft() < 1) {
                    pagesOverTimeCap++;
                } else {
                    pagesFailed++;
                }
            }
        }
    }

    /** Pages this gate let Tesseract read, or tried to. */
    synchronized int pagesTried() {
        return pagesRead + pagesFailed + pagesOverPageCap + pagesOverTimeCap;
    }

    /** What OCR did for this document's pages; {@link OcrStatus#NOT_NEEDED} when no page was sent to OCR. */
    synchronized OcrStatus status() {
        if (pagesOverTimeCap > 0) {
            return OcrStatus.TIME_CAP;
        }
        if (pagesOverPageCap > 0) {
            return OcrStatus.PAGE_CAP;
        }
        if (pagesFailed > 0 && pagesRead == 0) {
            return OcrStatus.FAILED;
        }
        return pagesRead > 0 ? OcrStatus.READ : OcrStatus.NOT_NEEDED;
    }
}
