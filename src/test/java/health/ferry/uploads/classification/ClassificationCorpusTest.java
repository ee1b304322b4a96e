package health.ferry.uploads.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.uploads.Corpus;
import health.ferry.uploads.EnginePipeline;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus through the real worker and the classifier: every well-formed C-CDA document gets the kind its
 * manifest label names; fragments, FHIR examples, PDFs and DICOM get theirs. Skipped where the corpus is absent.
 */
class ClassificationCorpusTest {
    /** The kind each C-CDA manifest label names (also used by {@link ClassificationQualityTest}). */
    static final Map<String, DocumentKind> LABELS = Map.ofEntries(
            Map.entry("Continuity of Care Document (CCD)", DocumentKind.CCDA_CCD),
            Map.entry("Care Plan", DocumentKind.CCDA_CARE_PLAN),
            Map.entry("Consultation Note", DocumentKind.CCDA_CONSULTATION_NOTE),
            Map.entry("Diagnostic Imaging Report", DocumentKind.CCDA_DIAGNOSTIC_IMAGING_REPORT),
            Map.entry("Discharge Summary", DocumentKind.CCDA_DISCHARGE_SUMMARY),
            Map.entry("History and Physical", DocumentKind.CCDA_HISTORY_AND_PHYSICAL),
            Map.entry("Operative Note", DocumentKind.CCDA_OPERATIVE_NOTE),
            Map.entry("Procedure Note", DocumentKind.CCDA_PROCEDURE_NOTE),
            Map.entry("Progress Note", DocumentKind.CCDA_PROGRESS_NOTE),
            Map.entry("Referral Note", DocumentKind.CCDA_REFERRAL_NOTE),
            Map.entry("Transfer Summary", DocumentKind.CCDA_TRANSFER_SUMMARY),
            Map.entry("Unstructured Document", DocumentKind.CCDA_UNSTRUCTURED));
    private static final Pattern SECTIONS = Pattern.compile("sections\\((\\d+)\\): ?([^|]*)");

    private final EnginePipeline pipeline = EnginePipeline.shared();

    private Classification classify(String relative) throws IOException {
        return PackageClassifier.classify(pipeline.facts(relative, Corpus.file(relative)));
    }

    static Stream<Corpus.Item> ccdaDocuments() {
        return Corpus.manifest().stream().filter(i -> i.file().startsWith("01-ccda/") && i.label().startsWith("C-CDA: "));
    }

    static Stream<Corpus.Item> ccdaFragments() {
        return Corpus.manifest().stream().filter(i -> i.label().startsWith("C-CDA FRAGMENT"));
    }

    @ParameterizedTest
    @MethodSource("ccdaDocuments")
    void everyWellFormedCcdaHasTheKindItsLabelNames(Corpus.Item item) throws IOException {
        String name = item.label().substring("C-CDA: ".length(), item.label().indexOf(" | "));
        Classification c = classify(item.file());
        assertEquals(LABELS.get(name), c.kind(), item.file() + ": " + c.evidence());
        assertTrue(c.confidence() >= 0.8, c.evidence());
        Matcher sections = SECTIONS.matcher(item.notes());
        if (sections.find() && !sections.group(2).isBlank()) {
            List<String> declared = Arrays.stream(sections.group(2).split("; ")).map(s -> s.split(" ")[0]).toList();
            List<String> found = c.sections().stream().map(CdaSection::code).toList();
            // The manifest also lists subsections and is sometimes cut short: compare what both can show.
            long shared = found.stream().filter(declared::contains).count();
            assertEquals(declared.get(0), found.get(0));
            assertTrue(shared >= found.size() * 9 / 10, () -> "sections " + found + " vs " + declared);
        }
    }

    @Test
    void theCorpusHoldsTheDocumentsThisTestExpects() {
        assertEquals(19, ccdaDocuments().count());
    }

    @ParameterizedTest
    @MethodSource("ccdaFragments")
    void fragmentsAreCdaOtherWhetherWellFormedOrNot(Corpus.Item item) throws IOException {
        Classification c = classify(item.file());
        assertEquals(DocumentKind.CDA_OTHER, c.kind(), c.evidence());
        assertTrue(c.confidence() <= 0.5);
    }

    static Stream<Corpus.Item> fhirExamples() {
        return Corpus.manifest().stream().filter(i -> i.file().startsWith("04-fhir/") && i.label().startsWith("FHIR "));
    }

    @ParameterizedTest
    @MethodSource("fhirExamples")
    void fhirExamplesByResourceType(Corpus.Item item) throws IOException {
        Classification c = classify(item.file());
        if (item.label().startsWith("FHIR Bundle")) {
            assertEquals(DocumentKind.FHIR_BUNDLE, c.kind(), c.evidence());
        } else {
            String type = item.label().substring("FHIR ".length()).split(" ")[0];
            assertEquals(DocumentKind.FHIR_RESOURCE, c.kind(), c.evidence());
            assertTrue(c.evidence().contains("resourceType " + type), c.evidence());
        }
    }

    @Test
    void invalidJsonIsNeverAConfidentFhirDocument() throws IOException {
        for (Corpus.Item item : Corpus.manifest()) {
            if (item.label().startsWith("INVALID JSON")) {
                Classification c = classify(item.file());
                assertTrue(c.confidence() < 0.5 || c.kind() == DocumentKind.TEXT, item.file() + ": " + c);
            }
        }
    }

    @Test
    void pdfsByContent() throws IOException {
        String ccda = "01-ccda/hl7-examples/";
        assertEquals(DocumentKind.PDF_LAB_REPORT,
                classify(ccda + "Results/Result with Multiple Reference Ranges/164947.pdf").kind());
        assertEquals(DocumentKind.PDF_DISCHARGE_SUMMARY,
                classify(ccda + "Unstructured/CDA reference PDF/UD_sample.pdf").kind());
        assertEquals(DocumentKind.PDF_SCANNED, classify("07-tika-test-documents/tika-parsers/tika-parsers-standard/"
                + "tika-parsers-standard-modules/tika-parser-pdf-module/src/test/resources/test-documents/testOCR.pdf")
                .kind());
    }

    @Test
    void dicomWithAndWithoutExtension() throws IOException {
        for (String file : List.of("CT_small.dcm", "MR_small.dcm", "dicomdirtests/77654033/CR1/6154", "DICOMDIR")) {
            String path = "07b-dicom/src/pydicom/data/test_files/" + (file.equals("DICOMDIR") ? "dicomdirtests/" : "")
                    + file;
            assertEquals(DocumentKind.DICOM, classify(path).kind(), file);
        }
    }
}
