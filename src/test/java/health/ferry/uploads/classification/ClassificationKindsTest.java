package health.ferry.uploads.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The kinds are exactly the API contract's list ("Supporting Documents", document kinds). */
class ClassificationKindsTest {
    private static final List<String> CONTRACT = List.of("ccda-ccd", "ccda-discharge-summary",
            "ccda-history-and-physical", "ccda-progress-note", "ccda-consultation-note", "ccda-referral-note",
            "ccda-transfer-summary", "ccda-operative-note", "ccda-procedure-note", "ccda-diagnostic-imaging-report",
            "ccda-care-plan", "ccda-unstructured", "cda-other", "xdm-metadata", "package-index", "stylesheet",
            "fhir-bundle", "fhir-resource", "fhir-ndjson", "pdf-lab-report", "pdf-imaging-report",
            "pdf-visit-summary", "pdf-discharge-summary", "pdf-medication-list", "pdf-immunization-record",
            "pdf-billing", "pdf-referral-letter", "pdf-insurance-card", "pdf-other", "pdf-scanned", "image",
            "image-lab-report", "image-imaging-report", "image-visit-summary", "image-discharge-summary",
            "image-medication-list", "image-immunization-record", "image-billing", "image-referral-letter",
            "image-insurance-card", "dicom", "office-document", "html", "text",
            "nested-archive", "encrypted-document", "other");

    @Test
    void kindsAreTheContractsList() {
        assertEquals(CONTRACT, Arrays.stream(DocumentKind.values()).map(DocumentKind::code).toList());
    }
}
