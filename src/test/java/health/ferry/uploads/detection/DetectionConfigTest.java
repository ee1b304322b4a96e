package health.ferry.uploads.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.tika.config.TikaConfig;
import org.apache.tika.parser.CompositeParser;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParserDecorator;
import org.apache.tika.parser.pdf.PDFParser;
import org.apache.tika.parser.pdf.PDFParserConfig;
import org.junit.jupiter.api.Test;

/** The worker's Tika configuration, read in-process: no parser that calls external tools or expands archives. */
class DetectionConfigTest {
    @Test
    void noOcrNoExternalToolsNoArchiveParsers() throws Exception {
        List<String> parsers = new ArrayList<>();
        flatten(TikaParsing.config().getParser(), parsers);
        assertTrue(parsers.size() > 50, "the standard parsers are there: " + parsers.size());
        for (String forbidden : List.of("TesseractOCRParser", "CompositeExternalParser", "ExternalParser",
                "GDALParser", "PackageParser", "CompressorParser", "RarParser", "StringsParser")) {
            assertFalse(parsers.stream().anyMatch(p -> p.endsWith("." + forbidden)), forbidden + " must be off");
        }
    }

    @Test
    void pdfParserNeverAsksForOcr() throws Exception {
        List<Parser> all = new ArrayList<>();
        collect(TikaParsing.config().getParser(), all);
        PDFParser pdf = (PDFParser) all.stream().filter(PDFParser.class::isInstance).findFirst().orElseThrow();
        assertEquals(PDFParserConfig.OCR_STRATEGY.NO_OCR, pdf.getPDFParserConfig().getOcrStrategy());
    }

    @Test
    void ocrAddsOnlyTesseractAndTheAutoPdfStrategy() throws Exception {
        org.junit.jupiter.api.Assumptions.assumeTrue(OcrSettings.defaults().tesseractInstalled(),
                "tesseract is not installed here");
        List<Parser> all = new ArrayList<>();
        collect(TikaParsing.config(OcrSettings.defaults()).getParser(), all);
        List<String> names = all.stream().map(p -> p.getClass().getSimpleName()).toList();
        assertEquals(1, names.stream().filter("TesseractOCRParser"::equals).count(), names.toString());
        for (String forbidden : List.of("CompositeExternalParser", "ExternalParser", "PackageParser",
                "CompressorParser", "RarParser", "StringsParser")) {
            assertFalse(names.contains(forbidden), forbidden + " must stay off with OCR on");
        }
        PDFParser pdf = (PDFParser) all.stream().filter(PDFParser.class::isInstance).findFirst().orElseThrow();
        assertEquals(PDFParserConfig.OCR_STRATEGY.AUTO, pdf.getPDFParserConfig().getOcrStrategy());
    }

    @Test
    void customMediaTypesAreRegistered() {
        TikaConfig config = TikaConfig.getDefaultConfig();
        assertTrue(config.getMimeRepository().getMediaTypeRegistry().getTypes().stream()
                .map(Object::toString).toList().containsAll(List.of("application/cda+xml", "application/fhir+xml",
                        "application/fhir+json")));
    }

    private static void flatten(Parser parser, List<String> names) {
        List<Parser> all = new ArrayList<>();
        collect(parser, all);
        all.forEach(p -> names.add(p.getClass().getName()));
    }

    private static void collect(Parser parser, List<Parser> out) {
        if (parser instanceof ParserDecorator decorator) {
            collect(decorator.getWrappedParser(), out);
        } else if (parser instanceof CompositeParser composite) {
            composite.getAllComponentParsers().forEach(p -> collect(p, out));
        } else {
            out.add(parser);
        }
    }
}
