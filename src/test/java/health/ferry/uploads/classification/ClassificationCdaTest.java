package health.ferry.uploads.classification;

import static health.ferry.uploads.classification.Samples.CCDA;
import static health.ferry.uploads.classification.Samples.cda;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.records.RecordCategory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C-CDA by LOINC document code and templateId, with a section inventory; XML read safely. */
class ClassificationCdaTest {
    @TempDir
    Path dir;
    Samples samples;

    @BeforeEach
    void setUp() {
        samples = new Samples(dir);
    }

    private Classification classify(String xml) throws IOException {
        return samples.classify("application/cda+xml", xml);
    }

    @Test
    void codeAndTemplateAgree() throws IOException {
        Classification c = classify(cda("18842-5", List.of(CCDA + "1", CCDA + "8"), "48765-2", "Allergies",
                "10160-0", "Medications"));
        assertEquals(DocumentKind.CCDA_DISCHARGE_SUMMARY, c.kind());
        assertEquals(RecordCategory.VISITS, c.category());
        assertEquals(0.95, c.confidence());
        assertEquals("ClinicalDocument/code 18842-5; templateId " + CCDA + "8", c.evidence());
        assertEquals(List.of(new CdaSection("48765-2", "Allergies"), new CdaSection("10160-0", "Medications")),
                c.sections(), "top-level sections only");
    }

    @Test
    void everyCcdaDocumentTemplateHasItsKind() throws IOException {
        String[][] table = {{"2", "ccda-ccd"}, {"3", "ccda-history-and-physical"}, {"4", "ccda-consultation-note"},
            {"5", "ccda-diagnostic-imaging-report"}, {"6", "ccda-procedure-note"}, {"7", "ccda-operative-note"},
            {"8", "ccda-discharge-summary"}, {"9", "ccda-progress-note"}, {"13", "ccda-transfer-summary"},
            {"14", "ccda-referral-note"}, {"15", "ccda-care-plan"}};
        for (String[] row : table) {
            Classification c = classify(cda("00000-0", List.of(CCDA + "1", CCDA + row[0])));
            assertEquals(row[1], c.kind().code(), row[0]);
            assertEquals(0.8, c.confidence());
        }
    }

    @Test
    void codeAloneDecidesForOlderDocuments() throws IOException {
        Classification c32 = classify(cda("34133-9", List.of("2.16.840.1.113883.3.88.11.32.1")));
        assertEquals(DocumentKind.CCDA_CCD, c32.kind());
        assertEquals(0.85, c32.confidence());
        Classification ccd10 = classify(cda("34133-9", List.of("2.16.840.1.113883.10.20.1")));
        assertEquals(DocumentKind.CCDA_CCD, ccd10.kind());
    }

    @Test
    void unknownCodeAndNoTemplateIsCdaOther() throws IOException {
        Classification c = classify(cda("12345-6", List.of("2.16.840.1.113883.3.88.11.32.1")));
        assertEquals(DocumentKind.CDA_OTHER, c.kind());
        assertTrue(c.evidence().contains("12345-6"));
    }

    @Test
    void codeWinsOverAContradictingTemplateWithLowerConfidence() throws IOException {
        Classification c = classify(cda("18842-5", List.of(CCDA + "2")));
        assertEquals(DocumentKind.CCDA_DISCHARGE_SUMMARY, c.kind());
        assertEquals(0.6, c.confidence());
        assertTrue(c.evidence().contains("says ccda-ccd"), c.evidence());
    }

    @Test
    void unstructuredBodyWinsWhateverTheCode() throws IOException {
        Classification c = classify(Samples.unstructured("18842-5"));
        assertEquals(DocumentKind.CCDA_UNSTRUCTURED, c.kind());
        assertTrue(c.evidence().startsWith("nonXMLBody"));
        Classification byTemplate = classify(cda("11490-0", List.of(CCDA + "10")));
        assertEquals(DocumentKind.CCDA_UNSTRUCTURED, byTemplate.kind());
    }

    @Test
    void fragmentIsCdaOtherUnderItsSectionsCategory() throws IOException {
        Classification c = classify("<section xmlns=\"urn:hl7-org:v3\"><templateId root=\"2.16.840.1.113883.10.20"
                + ".22.2.2.1\"/><code code=\"11369-6\"/><title>IMMUNIZATIONS</title></section>");
        assertEquals(DocumentKind.CDA_OTHER, c.kind());
        assertEquals(RecordCategory.IMMUNIZATIONS, c.category());
        Classification noNamespace = samples.classify("application/xml",
                "<component><section><code code=\"48765-2\"/><title>Allergies</title></section></component>");
        assertEquals(RecordCategory.ALLERGIES, noNamespace.category());
    }

    @Test
    void brokenXmlKeepsWhatWasReadAtLowerConfidence() throws IOException {
        String whole = cda("34133-9", List.of(CCDA + "2"), "11450-4", "Problems");
        Classification c = classify(whole.substring(0, whole.indexOf("</structuredBody>")) + "<oops></wrong>");
        assertEquals(DocumentKind.CCDA_CCD, c.kind());
        assertEquals(0.57, c.confidence());
        assertTrue(c.evidence().contains("not well-formed"), c.evidence());
    }

    @Test
    void xmlWithoutDeclarationDetectedAsPlainTextIsStillRead() throws IOException {
        Classification c = samples.classify("text/plain",
                "\n  <ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"11506-3\"/></ClinicalDocument>");
        assertEquals(DocumentKind.CCDA_PROGRESS_NOTE, c.kind());
    }

    @Test
    void externalEntitiesAreNeverResolved() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret"), "TOP-SECRET");
        Classification c = classify("<?xml version=\"1.0\"?><!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \""
                + secret.toUri() + "\">]><ClinicalDocument xmlns=\"urn:hl7-org:v3\"><title>&x;</title>"
                + "<code code=\"34133-9\"/></ClinicalDocument>");
        assertEquals(DocumentKind.OTHER, c.kind());
        assertTrue(c.evidence().contains("DOCTYPE"), c.evidence());
        assertFalse(c.evidence().contains("TOP-SECRET"));
    }

    @Test
    void billionLaughsEndsAtOnce() throws IOException {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE lolz [<!ENTITY lol \"lol\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i == 1 ? "" : i - 1) + ";")
                    .repeat(10)).append("\">");
        }
        long start = System.nanoTime();
        Classification c = classify("<?xml version=\"1.0\"?>" + dtd + "]><ClinicalDocument xmlns=\"urn:hl7-org:v3\">"
                + "<title>&lol9;</title></ClinicalDocument>");
        assertEquals(DocumentKind.OTHER, c.kind());
        assertTrue(System.nanoTime() - start < 2_000_000_000L, "no entity expansion");
    }

    @Test
    void manySectionsAndDeepNestingStayBounded() throws IOException {
        String deep = "<x>".repeat(5_000) + "</x>".repeat(5_000);
        Classification c = classify("<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><code code=\"34133-9\"/>" + deep
                + "</ClinicalDocument>");
        assertEquals(DocumentKind.CCDA_CCD, c.kind());
        assertTrue(c.confidence() < 0.85, "the depth limit stopped the read: " + c.evidence());
    }
}
