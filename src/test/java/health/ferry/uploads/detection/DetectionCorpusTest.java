package health.ferry.uploads.detection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.Corpus;
import java.io.IOException;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Detection and extraction on the corpus's real documents (07, 07b, some of 01 and 04); skipped where absent. */
class DetectionCorpusTest {
    private static final String TIKA = "07-tika-test-documents/tika-parsers/tika-parsers-standard/"
            + "tika-parsers-standard-modules/";
    private static final String DICOM = "07b-dicom/src/pydicom/data/test_files/";

    /** File → expected media type and outcome. */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry(TIKA + "tika-parser-pdf-module/src/test/resources/test-documents/testPDF.pdf",
                    "application/pdf ok"),
            Map.entry(TIKA + "tika-parser-pdf-module/src/test/resources/test-documents/testOCR.pdf",
                    "application/pdf ok"),
            Map.entry(TIKA + "tika-parser-pdf-module/src/test/resources/test-documents/testPDF_protected.pdf",
                    "application/pdf ok"),
            Map.entry(TIKA + "tika-parser-pdf-module/src/test/resources/test-documents/"
                    + "testPDF_no_extract_no_accessibility_owner_user.pdf", "application/pdf encrypted"),
            Map.entry(TIKA + "tika-parser-microsoft-module/src/test/resources/test-documents/"
                    + "testWORD_protected_passtika.docx", "application/x-tika-ooxml-protected encrypted"),
            Map.entry(TIKA + "tika-parser-microsoft-module/src/test/resources/test-documents/testWORD_truncated.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document parse_failed"),
            Map.entry(TIKA + "tika-parser-microsoft-module/src/test/resources/test-documents/testWORD.docx",
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document ok"),
            Map.entry(TIKA + "tika-parser-microsoft-module/src/test/resources/test-documents/test.doc",
                    "application/msword ok"),
            Map.entry(TIKA + "tika-parser-html-module/src/test/resources/test-documents/testHTML.html",
                    "text/html ok"),
            Map.entry(TIKA + "tika-parser-image-module/src/test/resources/test-documents/testJPEG_GEO.jpg",
                    "image/jpeg ok"),
            Map.entry(TIKA + "tika-parser-image-module/src/test/resources/test-documents/testHEIF.heic",
                    "image/heic ok"),
            Map.entry(DICOM + "CT_small.dcm", "application/dicom ok"),
            Map.entry(DICOM + "MR_small.dcm", "application/dicom ok"),
            Map.entry(DICOM + "dicomdirtests/77654033/CR1/6154", "application/dicom ok"),
            Map.entry("01-ccda/hl7-examples/Documents/CCD/CCD 1/CCD.XML", "application/cda+xml ok"),
            Map.entry("04-fhir/fhir-test-cases/r4/examples/patient-example.json", "application/fhir+json ok"),
            Map.entry("04-fhir/fhir-test-cases/r4/examples/condition-example.xml", "application/fhir+xml ok"));

    static DocumentExtractor extractor;

    @BeforeAll
    static void startWorker() {
        extractor = new DocumentExtractor(ExtractionSettings.defaults());
    }

    @AfterAll
    static void stopWorker() {
        extractor.close();
    }

    static Stream<String> files() {
        return EXPECTED.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("files")
    void typeAndOutcome(String relative) throws IOException {
        Extraction extraction = extractor.extract(Corpus.file(relative));
        assertEquals(EXPECTED.get(relative), extraction.mediaType() + " " + extraction.outcome().code(),
                extraction::toString);
    }

    @Test
    void scannedPdfIsReadByOcrOrFlagged() throws IOException {
        Extraction scan = extractor.extract(Corpus.file(TIKA
                + "tika-parser-pdf-module/src/test/resources/test-documents/testOCR.pdf"));
        assertTrue(scan.pages() >= 1);
        assertOcr(scan, "Happy New Year");
    }

    /** With tesseract here the words are read; without it the text is empty and the document says why. */
    private static void assertOcr(Extraction extraction, String words) {
        if (OcrSettings.defaults().tesseractInstalled()) {
            assertEquals(OcrStatus.READ, extraction.ocr());
            assertTrue(extraction.text().contains(words), extraction.text());
        } else {
            assertEquals(OcrStatus.NOT_INSTALLED, extraction.ocr());
            assertTrue(extraction.text().isBlank(), extraction.text());
        }
    }

    @Test
    void pdfWithAnEmptyUserPasswordOpensButIsFlagged() throws IOException {
        Extraction pdf = extractor.extract(Corpus.file(TIKA
                + "tika-parser-pdf-module/src/test/resources/test-documents/testPDF_protected.pdf"));
        assertTrue(pdf.encrypted());
        assertFalse(pdf.text().isBlank());
    }

    @Test
    void photoOfTextIsReadByOcrOrFlagged() throws IOException {
        Extraction png = extractor.extract(Corpus.file("07-tika-test-documents/tika-parsers/tika-parsers-extended/"
                + "tika-parsers-extended-integration-tests/src/test/resources/test-documents/testOCR.png"));
        assertEquals("image/png", png.mediaType());
        assertOcr(png, "some words");
    }
}
