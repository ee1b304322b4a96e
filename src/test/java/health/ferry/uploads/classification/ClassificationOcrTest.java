package health.ferry.uploads.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.detection.DocumentExtractor;
import health.ferry.uploads.detection.Extraction;
import health.ferry.uploads.detection.ExtractionOutcome;
import health.ferry.uploads.detection.ExtractionSettings;
import health.ferry.uploads.detection.OcrSettings;
import health.ferry.uploads.detection.OcrStatus;
import health.ferry.uploads.detection.ScannedPages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Classification from text OCR read: images and scanned PDFs get the report kinds, with the phrases found and their
 * lines as evidence and the confidence in words; where OCR could not read them the evidence says why.
 */
class ClassificationOcrTest {
    @TempDir
    Path dir;

    private Classification classify(String name, String type, String text, int pages, OcrStatus ocr)
            throws IOException {
        Path file = Files.writeString(dir.resolve("doc-" + name), text);
        return PackageClassifier.classify(List.of(new DocumentFacts(name, Files.size(file), type,
                ExtractionOutcome.OK, text, pages, file, ocr))).documents().get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LABORATORY REPORT\\nTest Name Result Units Reference Range\\nHemoglobin 13.5 g/dL 12.0-16.0"
            + " | image-lab-report | lab_results | \"laboratory report\" (line 1)",
        "RADIOLOGY REPORT\\nExam: chest x-ray\\nFindings: clear lungs\\nImpression: normal"
            + " | image-imaging-report | lab_results | \"radiology report\" (line 1)",
        "After Visit Summary\\nReason for visit: cough\\nVitals: blood pressure 120/80"
            + " | image-visit-summary | visits | \"after visit summary\" (line 1)",
        "DISCHARGE SUMMARY\\nAdmission date 01/02/2024\\nHospital course: uneventful"
            + " | image-discharge-summary | visits | \"discharge summary\" (line 1)",
        "Dear Dr. Example,\\nReferral letter\\nReason for referral: knee pain. Thank you for seeing her.\\nSincerely"
            + " | image-referral-letter | visits | \"referral letter\" (line 2)",
        "ACME HEALTH PLAN\\nMember ID: XZ123456789\\nGroup Number: 0042\\nRxBIN 610014 RxPCN ABC\\nPCP copay $20"
            + " | image-insurance-card | other | \"member id\" (line 2)",
        "Current Medications\\nLisinopril 10 mg tablet by mouth daily\\nMetformin 500 mg tablet twice daily"
            + " | image-medication-list | medications | \"current medications\" (line 1)"})
    void imagesByTheirOcrText(String text, String kind, String category, String where) throws IOException {
        Classification c = classify("photo.jpg", "image/jpeg", text.replace("\\n", "\n"), 0, OcrStatus.READ);
        assertEquals(kind, c.kind().code(), c.evidence());
        assertEquals(category, c.category().code());
        assertTrue(c.evidence().startsWith("OCR text: "), c.evidence());
        assertTrue(c.evidence().contains(where), c.evidence());
        assertTrue(List.of("high", "medium", "low").contains(c.confidenceWords()));
    }

    @Test
    void scannedPdfReadByOcrIsALabReportWithEvidence() throws IOException {
        String text = String.join("\n", ScannedPages.labReport());
        Classification c = classify("scanned_lab_report.pdf", "application/pdf", text, 1, OcrStatus.READ);
        assertEquals(DocumentKind.PDF_LAB_REPORT, c.kind());
        assertTrue(c.evidence().startsWith("OCR text: \"laboratory report\" (line 1)"), c.evidence());
        assertEquals("high", c.confidenceWords(), c.evidence() + " " + c.confidence());
        Classification letter = classify("referral.pdf", "application/pdf",
                "Referral letter\nReferring physician: Dr. Example\nReason for referral: chest pain", 1,
                OcrStatus.NOT_NEEDED);
        assertEquals(DocumentKind.PDF_REFERRAL_LETTER, letter.kind());
        assertTrue(letter.evidence().startsWith("PDF text: "), letter.evidence());
    }

    @Test
    void whereOcrCouldNotReadTheEvidenceSaysWhy() throws IOException {
        Classification scan = classify("scan.pdf", "application/pdf", "", 2, OcrStatus.NOT_INSTALLED);
        assertEquals(DocumentKind.PDF_SCANNED, scan.kind());
        assertTrue(scan.evidence().endsWith("text not read (OCR not installed)"), scan.evidence());
        Classification photo = classify("rash.png", "image/png", "", 0, OcrStatus.NOT_INSTALLED);
        assertEquals(DocumentKind.IMAGE, photo.kind());
        assertTrue(photo.evidence().contains("text not read (OCR not installed)"), photo.evidence());
        Classification blurry = classify("rash.png", "image/png", "aa b", 0, OcrStatus.READ);
        assertEquals(DocumentKind.IMAGE, blurry.kind(), "too little text decides nothing");
        assertEquals("high", blurry.confidenceWords());
    }

    @Test
    void generatedScansThroughTheWorker() throws Exception {
        Assumptions.assumeTrue(OcrSettings.defaults().tesseractInstalled(), "tesseract is not installed here");
        Path png = ScannedPages.image(dir.resolve("fax.png"), "png", List.of("REFERRAL LETTER",
                "Referring physician: Dr. Example", "Reason for referral: knee pain", "Sincerely"));
        Path pdf = ScannedPages.pdf(dir.resolve("scanned_lab_report.pdf"), List.of(ScannedPages.labReport()));
        try (DocumentExtractor extractor = new DocumentExtractor(ExtractionSettings.defaults().withParallelism(1))) {
            Extraction fax = extractor.extract(png);
            Classification c = PackageClassifier.classify(List.of(new DocumentFacts("fax.png", Files.size(png),
                    fax.mediaType(), fax.outcome(), fax.text(), fax.pages(), png, fax.ocr()))).documents().get(0);
            assertEquals(DocumentKind.IMAGE_REFERRAL_LETTER, c.kind(), c.evidence());
            assertTrue(c.evidence().contains("\"referral letter\" (line 1)"), c.evidence());
            Extraction scan = extractor.extract(pdf);
            Classification lab = PackageClassifier.classify(List.of(new DocumentFacts("scanned_lab_report.pdf",
                    Files.size(pdf), scan.mediaType(), scan.outcome(), scan.text(), scan.pages(), pdf, scan.ocr())))
                    .documents().get(0);
            assertEquals(DocumentKind.PDF_LAB_REPORT, lab.kind(), lab.evidence());
            assertTrue(lab.evidence().startsWith("OCR text: "), lab.evidence());
        }
    }
}
