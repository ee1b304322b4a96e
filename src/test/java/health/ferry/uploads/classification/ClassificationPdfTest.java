package health.ferry.uploads.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.records.RecordCategory;
import health.ferry.uploads.detection.ExtractionOutcome;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PDFs by their text: the report rules, scans without a text layer, and PDFs that could not be read. */
class ClassificationPdfTest {
    @TempDir
    Path dir;
    Samples samples;

    @BeforeEach
    void setUp() {
        samples = new Samples(dir);
    }

    private Classification pdf(String text, int pages) throws IOException {
        return PackageClassifier.classify(samples.facts("report.pdf", "application/pdf", ExtractionOutcome.OK, text,
                pages));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "LABORATORY REPORT. Test name: Hemoglobin. Result 13.2 g/dL. Reference range 12.0-15.5. Specimen collected"
            + " 03/19/2024 | pdf-lab-report | lab_results",
        "RADIOLOGY REPORT. Exam: chest x-ray, two views. Technique: PA and lateral. Findings: clear lungs."
            + " Impression: normal chest. | pdf-imaging-report | lab_results",
        "After Visit Summary. Reason for visit: cough. Vitals: blood pressure 120/80. Follow-up in two weeks."
            + " | pdf-visit-summary | visits",
        "DISCHARGE SUMMARY. Admission date 01/02/2024. Discharge date 01/05/2024. Hospital course: uneventful."
            + " Discharge instructions: rest. | pdf-discharge-summary | visits",
        "Current Medications. Lisinopril 10 mg tablet, take one by mouth daily, refills: 3. Pharmacy: Main St."
            + " | pdf-medication-list | medications",
        "Immunization Record. Influenza vaccine, lot number A123, CVX 141. Tdap booster. Dose 1 and dose 2."
            + " | pdf-immunization-record | immunizations",
        "STATEMENT. Statement date 02/01/2024. Charges 200.00. Insurance paid 150.00. Patient responsibility"
            + " 50.00. Amount due 50.00 | pdf-billing | other",
        "The quick brown fox jumps over the lazy dog, again and again, in a story about foxes. | pdf-other"
            + " | documents"})
    void reportRules(String text, String kind, String category) throws IOException {
        Classification c = pdf(text, 1);
        assertEquals(kind, c.kind().code(), c.evidence());
        assertEquals(category, c.category().code());
        assertTrue(c.confidence() > 0 && c.confidence() <= 0.85);
    }

    @Test
    void supportingWordsAloneDoNotDecide() throws IOException {
        Classification c = pdf("The result was reported and collected by the committee in its annual review of"
                + " policy.", 1);
        assertEquals(DocumentKind.PDF_OTHER, c.kind(), c.evidence());
    }

    @Test
    void noTextLayerIsAScan() throws IOException {
        Classification c = pdf("  \n 1 \n\n 2 \n", 2);
        assertEquals(DocumentKind.PDF_SCANNED, c.kind());
        assertEquals(RecordCategory.DOCUMENTS, c.category());
        assertTrue(c.evidence().contains("2 page(s)"));
    }

    @Test
    void encryptedOrUnreadablePdfs() throws IOException {
        Classification locked = PackageClassifier.classify(samples.facts("locked.pdf", "application/pdf",
                ExtractionOutcome.ENCRYPTED, "", 0));
        assertEquals(DocumentKind.ENCRYPTED_DOCUMENT, locked.kind());
        Classification slow = PackageClassifier.classify(samples.facts("slow.pdf", "application/pdf",
                ExtractionOutcome.TIMED_OUT, "", 0));
        assertEquals(DocumentKind.PDF_OTHER, slow.kind());
        assertTrue(slow.evidence().contains("timed_out"));
    }
}
