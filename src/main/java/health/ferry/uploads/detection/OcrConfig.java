package health.ferry.uploads.detection;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.exception.TikaConfigException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.apache.tika.parser.ocr.TesseractOCRParser;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * Ferry's Tika configuration with OCR on: the Tesseract parser added with the configured program folder,
 * languages and time cap (it stays excluded from the default parsers, so no unconfigured copy runs), and the PDF
 * parser's OCR strategy {@code auto}: pages without a text layer are rendered and read, the others keep their text.
 */
final class OcrConfig {
    private static final String TESSERACT = TesseractOCRParser.class.getName();
    private static final String PDF_PARSER = "org.apache.tika.parser.pdf.PDFParser";
    /** Fewer letters than this per page: the PDF is an image of paper (the same threshold as classification's). */
    static final int SCAN_LETTERS_PER_PAGE = 15;
    /** Image types Tesseract reads. */
    private static final Set<String> OCR_IMAGES = Set.of("image/png", "image/jpeg", "image/tiff", "image/bmp",
            "image/x-ms-bmp", "image/gif", "image/jp2", "image/jpx", "image/x-portable-pixmap", "image/webp");

    private OcrConfig() {
    }

    /** Is {@code type} an image that may hold text (a photo or scan), i.e. one OCR would read? */
    static boolean imageOfText(String type) {
        return OCR_IMAGES.contains(type.toLowerCase(Locale.ROOT).split(";")[0].strip());
    }

    /** A PDF whose text layer has fewer letters than a page of text would. */
    static boolean looksScanned(String text, int pages) {
        long letters = text.chars().filter(Character::isLetter).count();
        return letters < (long) SCAN_LETTERS_PER_PAGE * Math.max(1, pages);
    }

    /** The configuration XML {@code xml} (Ferry's {@code tika-config.xml}) with OCR switched on as {@code ocr} says. */
    static Document withOcr(InputStream xml, OcrSettings ocr) throws IOException, TikaException {
        Document doc;
        try {
            // Tika's hardened DOM builder (no DTDs, no external entities): XML in Ferry goes through a safe parser
            doc = org.apache.tika.utils.XMLReaderUtils.buildDOM(xml);
        } catch (SAXException e) {
            throw new TikaConfigException("Ferry's tika-config.xml cannot be read", e);
        }
        Element parsers = (Element) doc.getElementsByTagName("parsers").item(0);
        boolean pdfSet = false;
        NodeList params = doc.getElementsByTagName("param");
        for (int i = 0; i < params.getLength(); i++) {
            Element param = (Element) params.item(i);
            Element parser = (Element) param.getParentNode().getParentNode();
            if (PDF_PARSER.equals(parser.getAttribute("class")) && "ocrStrategy".equals(param.getAttribute("name"))) {
                param.setTextContent("auto");
                pdfSet = true;
            }
        }
        if (!pdfSet) {
            throw new TikaConfigException("tika-config.xml has no PDFParser ocrStrategy to switch");
        }
        Element tesseract = doc.createElement("parser");
        tesseract.setAttribute("class", TESSERACT);
        Element tesseractParams = doc.createElement("params");
        List<String[]> values = new ArrayList<>();
        values.add(new String[] {"language", "string", ocr.languages()});
        values.add(new String[] {"timeout", "int", Long.toString(ocr.timeout().toSeconds())});
        if (ocr.tesseractPath() != null) {
            values.add(new String[] {"tesseractPath", "string", ocr.tesseractPath()});
        }
        for (String[] value : values) {
            Element param = doc.createElement("param");
            param.setAttribute("name", value[0]);
            param.setAttribute("type", value[1]);
            param.setTextContent(value[2]);
            tesseractParams.appendChild(param);
        }
        tesseract.appendChild(tesseractParams);
        parsers.appendChild(tesseract);
        return doc;
    }

    /** Whether a Tesseract parser among {@code parser}'s finds its program. */
    static boolean tesseractAvailable(Parser parser) {
        List<TesseractOCRParser> found = new ArrayList<>();
        collect(parser, found);
        for (TesseractOCRParser tesseract : found) {
            try {
                if (tesseract.hasTesseract()) {
                    return true;
                }
            } catch (TikaConfigException e) {
                // a bad path: not available
            }
        }
        return false;
    }

    /**
     * Whether Tesseract runs here, asked directly ({@code tesseract --version} in {@code folder}, or on the PATH when
     * null): for the health check, without loading Tika.
     */
    static boolean tesseractRuns(String folder) {
        String program = folder == null ? "tesseract" : Path.of(folder, "tesseract").toString();
        if (folder != null && !Files.isExecutable(Path.of(program))) {
            return false;
        }
        try {
            Process process = new ProcessBuilder(program, "--version").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return false;
            }
            return process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static void collect(Parser parser, List<TesseractOCRParser> out) {
        if (parser instanceof TesseractOCRParser tesseract) {
            out.add(tesseract);
        } else if (parser instanceof ParserDecorator decorator) {
            collect(decorator.getWrappedParser(), out);
        } else if (parser instanceof CompositeParser composite) {
            composite.getAllComponentParsers().forEach(p -> collect(p, out));
        }
    }
}
