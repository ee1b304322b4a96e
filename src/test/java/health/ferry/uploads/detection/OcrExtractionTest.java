package health.ferry.uploads.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** OCR inside the extraction worker: scanned pages and images read by Tesseract, within the caps, or flagged. */
class OcrExtractionTest {
    private static final Path CORPUS_TIKA = Path.of("../shared/corpus/07-tika-test-documents/tika-parsers");

    @TempDir
    Path dir;

    private static void assumeTesseract() {
        Assumptions.assumeTrue(OcrSettings.defaults().tesseractInstalled(),
                "tesseract is not installed here (CI installs tesseract-ocr)");
    }

    private static DocumentExtractor extractor(OcrSettings ocr) {
        return new DocumentExtractor(ExtractionSettings.defaults().withParallelism(1).withOcr(ocr));
    }

    private static String lower(Extraction e) {
        return e.text().toLowerCase(Locale.ROOT);
    }

    @Test
    void imagesAndScannedPdfAreReadByOcr() throws Exception {
        assumeTesseract();
        Path png = ScannedPages.image(dir.resolve("lab.png"), "png", ScannedPages.labReport());
        Path tiff = ScannedPages.image(dir.resolve("fax.tiff"), "tiff", List.of("REFERRAL LETTER",
                "Reason for referral: knee pain", "Referring physician: Dr. Example"));
        Path pdf = ScannedPages.pdf(dir.resolve("scanned_lab_report.pdf"), List.of(ScannedPages.labReport()));
        try (DocumentExtractor extractor = extractor(OcrSettings.defaults())) {
            Extraction image = extractor.extract(png);
            assertEquals(ExtractionOutcome.OK, image.outcome());
            assertEquals(OcrStatus.READ, image.ocr(), image.toString());
            assertTrue(lower(image).contains("laboratory report") && lower(image).contains("hemoglobin"),
                    image.text());

            Extraction fax = extractor.extract(tiff);
            assertEquals(OcrStatus.READ, fax.ocr());
            assertTrue(lower(fax).contains("referral"), fax.text());

            Extraction scan = extractor.extract(pdf);
            assertEquals(ExtractionOutcome.OK, scan.outcome());
            assertEquals("application/pdf", scan.mediaType());
            assertEquals(OcrStatus.READ, scan.ocr());
            assertTrue(lower(scan).contains("reference range") && lower(scan).contains("glucose"), scan.text());
        }
    }

    @Test
    void pdfWithTextIsNotOcrdAndPageCapStopsOcr() throws Exception {
        assumeTesseract();
        List<List<String>> pages = new ArrayList<>();
        pages.add(List.of("PAGE ONE Hemoglobin"));
        pages.add(List.of("PAGE TWO Cholesterol"));
        pages.add(List.of("PAGE THREE Potassium"));
        Path pdf = ScannedPages.pdf(dir.resolve("three.pdf"), pages);
        try (DocumentExtractor extractor = extractor(OcrSettings.defaults().withMaxPages(1))) {
            Extraction capped = extractor.extract(pdf);
            assertEquals(ExtractionOutcome.OK, capped.outcome());
            assertEquals(OcrStatus.PAGE_CAP, capped.ocr());
            assertEquals(3, capped.pages());
            assertTrue(lower(capped).contains("hemoglobin"), capped.text());
            assertFalse(lower(capped).contains("potassium"), capped.text());

            Path text = dir.resolve("note.txt");
            Files.writeString(text, "Visit summary: blood pressure 120/80.");
            assertEquals(OcrStatus.NOT_NEEDED, extractor.extract(text).ocr());
        }
    }

    @Test
    void ocrTimeCapIsReportedNotFatal() throws Exception {
        assumeTesseract();
        List<List<String>> pages = new ArrayList<>();
        List<String> dense = new ArrayList<>();
        for (int i = 0; i < 26; i++) {
            dense.add("Line " + i + " Hemoglobin 13.5 g/dL Glucose 95 mg/dL reference range");
        }
        for (int i = 0; i < 8; i++) {
            pages.add(dense);
        }
        Path pdf = ScannedPages.pdf(dir.resolve("long-scan.pdf"), pages);
        try (DocumentExtractor extractor = extractor(OcrSettings.defaults().withTimeout(Duration.ofSeconds(1)))) {
            Extraction cut = extractor.extract(pdf);
            assertEquals(ExtractionOutcome.OK, cut.outcome(), cut.failure());
            assertEquals(OcrStatus.TIME_CAP, cut.ocr());
            assertEquals(8, cut.pages());
        }
    }

    @Test
    void withoutTesseractDocumentsSayOcrNotInstalledAndNothingFails() throws Exception {
        Path png = ScannedPages.image(dir.resolve("lab.png"), "png", ScannedPages.labReport());
        Path pdf = ScannedPages.pdf(dir.resolve("scan.pdf"), List.of(ScannedPages.labReport()));
        Path text = dir.resolve("note.txt");
        Files.writeString(text, "Current medications: metformin 500 mg tablet daily.");
        OcrSettings missing = OcrSettings.defaults().withTesseractPath(dir.resolve("no-tesseract-here").toString());
        assertFalse(missing.tesseractInstalled());
        try (DocumentExtractor extractor = extractor(missing)) {
            Extraction image = extractor.extract(png);
            assertEquals(ExtractionOutcome.OK, image.outcome());
            assertEquals(OcrStatus.NOT_INSTALLED, image.ocr());
            assertEquals("text not read (OCR not installed)", image.ocr().words());
            Extraction scan = extractor.extract(pdf);
            assertEquals(ExtractionOutcome.OK, scan.outcome());
            assertEquals(OcrStatus.NOT_INSTALLED, scan.ocr());
            assertTrue(scan.text().isBlank());
            Extraction plain = extractor.extract(text);
            assertEquals(OcrStatus.NOT_NEEDED, plain.ocr());
            assertTrue(plain.text().contains("metformin"));
        }
        try (DocumentExtractor extractor = extractor(OcrSettings.off())) {
            Extraction image = extractor.extract(png);
            assertEquals(ExtractionOutcome.OK, image.outcome());
            assertEquals(OcrStatus.OFF, image.ocr());
            assertFalse(image.parsers().stream().anyMatch(p -> p.endsWith("TesseractOCRParser")));
        }
    }

    @Test
    void corpusScansAreRead() throws Exception {
        assumeTesseract();
        Path pdf = CORPUS_TIKA.resolve("tika-parsers-standard/tika-parsers-standard-modules/tika-parser-pdf-module/"
                + "src/test/resources/test-documents/testOCR.pdf");
        Path png = CORPUS_TIKA.resolve("tika-parsers-extended/tika-parsers-extended-integration-tests/src/test/"
                + "resources/test-documents/testOCR.png");
        Assumptions.assumeTrue(Files.isRegularFile(pdf) && Files.isRegularFile(png),
                "the shared corpus is not at ../shared/corpus");
        try (DocumentExtractor extractor = extractor(OcrSettings.defaults())) {
            for (Path file : List.of(pdf, png)) {
                Extraction read = extractor.extract(file);
                assertEquals(ExtractionOutcome.OK, read.outcome(), file.toString());
                assertEquals(OcrStatus.READ, read.ocr(), file.toString());
                assertTrue(read.text().chars().filter(Character::isLetter).count() > 10, read.text());
            }
        }
    }
}
