package health.ferry.uploads.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import health.ferry.uploads.classification.DocumentKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** C-CDA entries and FHIR content become FHIR R4 resources with codes, dates, statuses and values. */
class StructuredRecordsTest {
    static final FhirContext FHIR = FhirContext.forR4();

    @TempDir
    Path dir;

    private DocumentRecords read(byte[] content, DocumentKind kind, String seed) throws IOException {
        Path file = Files.write(dir.resolve("doc-" + seed.hashCode() + "-" + System.nanoTime()), content);
        return StructuredRecords.read(FHIR, file, kind, seed, "urn:uuid:00000000-0000-0000-0000-000000000001");
    }

    static Map<String, Integer> types(List<Resource> resources) {
        Map<String, Integer> types = new TreeMap<>();
        resources.forEach(r -> types.merge(r.fhirType(), 1, Integer::sum));
        return types;
    }

    private static <T extends Resource> List<T> of(List<Resource> resources, Class<T> type) {
        return resources.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void everyMappedSectionOfACcdBecomesResourcesWithCodesDatesStatusesAndUnits() throws IOException {
        DocumentRecords records = read(CdaFixtures.ccd(), DocumentKind.CCDA_CCD, "u1/d1");
        assertEquals(Map.of("AllergyIntolerance", 1, "Condition", 2, "Encounter", 1, "Immunization", 1,
                "MedicationStatement", 1, "Observation", 4, "Procedure", 1), types(records.resources()));
        assertEquals(List.of("Problems (11450-4): 1 entry could not be read (1 without a code)."), records.notes());

        Condition diabetes = of(records.resources(), Condition.class).get(0);
        assertEquals("http://snomed.info/sct", diabetes.getCode().getCoding().get(0).getSystem());
        assertEquals("44054006", diabetes.getCode().getCoding().get(0).getCode());
        assertEquals("Diabetes mellitus type 2", diabetes.getCode().getCoding().get(0).getDisplay());
        assertEquals("http://hl7.org/fhir/sid/icd-10-cm", diabetes.getCode().getCoding().get(1).getSystem());
        assertEquals("2019-03-12", diabetes.getOnsetDateTimeType().getValueAsString());
        assertEquals("active", diabetes.getClinicalStatus().getCodingFirstRep().getCode());
        Condition asthma = of(records.resources(), Condition.class).get(1);
        assertEquals("resolved", asthma.getClinicalStatus().getCodingFirstRep().getCode());
        assertEquals("2012-06-01", asthma.getAbatementDateTimeType().getValueAsString());

        AllergyIntolerance penicillin = of(records.resources(), AllergyIntolerance.class).get(0);
        assertEquals("7980", penicillin.getCode().getCodingFirstRep().getCode());
        assertEquals("http://www.nlm.nih.gov/research/umls/rxnorm", penicillin.getCode().getCodingFirstRep()
                .getSystem());
        assertEquals(AllergyIntolerance.AllergyIntoleranceCategory.MEDICATION, penicillin.getCategory().get(0)
                .getValue());
        assertEquals("Hives", penicillin.getReactionFirstRep().getManifestationFirstRep().getCodingFirstRep()
                .getDisplay());

        MedicationStatement metformin = of(records.resources(), MedicationStatement.class).get(0);
        assertEquals("860975", metformin.getMedicationCodeableConcept().getCodingFirstRep().getCode());
        assertEquals(MedicationStatement.MedicationStatementStatus.ACTIVE, metformin.getStatus());
        assertEquals("2020-01-15", metformin.getEffectivePeriod().getStartElement().getValueAsString());
        Quantity dose = metformin.getDosageFirstRep().getDoseAndRateFirstRep().getDoseQuantity();
        assertEquals("500", dose.getValue().toPlainString());
        assertEquals("mg", dose.getUnit());

        Immunization flu = of(records.resources(), Immunization.class).get(0);
        assertEquals("http://hl7.org/fhir/sid/cvx", flu.getVaccineCode().getCodingFirstRep().getSystem());
        assertEquals("140", flu.getVaccineCode().getCodingFirstRep().getCode());
        assertEquals(Immunization.ImmunizationStatus.COMPLETED, flu.getStatus());
        assertEquals("2023-10-10", flu.getOccurrenceDateTimeType().getValueAsString());
        assertEquals("AB123", flu.getLotNumber());

        List<Observation> observations = of(records.resources(), Observation.class);
        Observation glucose = observations.get(0);
        assertEquals("laboratory", glucose.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("2345-7", glucose.getCode().getCodingFirstRep().getCode());
        assertEquals(Observation.ObservationStatus.FINAL, glucose.getStatus());
        assertEquals("98", glucose.getValueQuantity().getValue().toPlainString());
        assertEquals("mg/dL", glucose.getValueQuantity().getCode());
        assertEquals("http://unitsofmeasure.org", glucose.getValueQuantity().getSystem());
        assertEquals("2024-01-02T08:00:00-05:00", glucose.getEffectiveDateTimeType().getValueAsString(),
                "the panel's time when the result has none");
        assertEquals("N", glucose.getInterpretationFirstRep().getCodingFirstRep().getCode());
        assertEquals("99", glucose.getReferenceRangeFirstRep().getHigh().getValue().toPlainString());
        Observation weight = observations.get(3);
        assertEquals("vital-signs", weight.getCategoryFirstRep().getCodingFirstRep().getCode());
        assertEquals("29463-7", weight.getCode().getCodingFirstRep().getCode());
        assertEquals("70.5", weight.getValueQuantity().getValue().toPlainString());
        assertEquals("kg", weight.getValueQuantity().getUnit());

        Procedure appendectomy = of(records.resources(), Procedure.class).get(0);
        assertEquals("80146002", appendectomy.getCode().getCodingFirstRep().getCode());
        assertEquals(Procedure.ProcedureStatus.COMPLETED, appendectomy.getStatus());
        assertEquals("2015-07-04", appendectomy.getPerformedDateTimeType().getValueAsString());

        Encounter visit = of(records.resources(), Encounter.class).get(0);
        assertEquals("99213", visit.getTypeFirstRep().getCodingFirstRep().getCode());
        assertEquals("2024-01-02T09:00:00-05:00", visit.getPeriod().getEndElement().getValueAsString());

        records.resources().forEach(r -> assertEquals("urn:uuid:00000000-0000-0000-0000-000000000001",
                r.getMeta().getSource()));
    }

    @Test
    void theSameDocumentAlwaysGivesTheSameResourcesAndAnotherDocumentOtherIds() throws IOException {
        List<String> once = json(read(CdaFixtures.ccd(), DocumentKind.CCDA_CCD, "u1/d1"));
        List<String> again = json(read(CdaFixtures.ccd(), DocumentKind.CCDA_CCD, "u1/d1"));
        assertEquals(once, again);
        DocumentRecords other = read(CdaFixtures.ccd(), DocumentKind.CCDA_CCD, "u1/d2");
        assertNotEquals(once.get(0), json(other).get(0));
        assertEquals(11, other.resources().stream().map(Resource::getId).distinct().count());
    }

    private static List<String> json(DocumentRecords records) {
        return records.resources().stream().map(r -> FHIR.newJsonParser().encodeResourceToString(r)).toList();
    }

    @Test
    void aDocumentThatBreaksOffKeepsWhatCameBeforeAndSaysSo() throws IOException {
        String whole = new String(CdaFixtures.ccd(), StandardCharsets.UTF_8);
        String cut = whole.substring(0, whole.indexOf("<section><code code=\"10160-0\"") + 30);
        DocumentRecords records = read(cut.getBytes(StandardCharsets.UTF_8), DocumentKind.CCDA_CCD, "u/cut");
        assertEquals(Map.of("AllergyIntolerance", 1, "Condition", 2), types(records.resources()));
        assertTrue(records.note().contains("could not be read to its end (XML not well-formed"), records.note());
    }

    @Test
    void aDoctypeOrExternalEntityIsNeverProcessed() throws IOException {
        String xxe = "<?xml version=\"1.0\"?>\n<!DOCTYPE ClinicalDocument [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\"><component><structuredBody>"
                + CdaFixtures.section("47519-4", "Procedures", CdaFixtures.entry("<procedure><code code=\"&x;\"/>"
                        + "</procedure>")) + "</structuredBody></component></ClinicalDocument>";
        DocumentRecords records = read(xxe.getBytes(StandardCharsets.UTF_8), DocumentKind.CDA_OTHER, "u/xxe");
        assertEquals(List.of(), records.resources());
        assertTrue(records.note().contains("DOCTYPE"), records.note());
    }

    @Test
    void aBrokenEntryIsSkippedAndTheRestOfItsSectionIsRead() throws IOException {
        String doc = "<ClinicalDocument xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<component><structuredBody>" + CdaFixtures.section("30954-2", "Results",
                        CdaFixtures.entry("<organizer><component><observation><value xsi:type=\"PQ\" value=\"x\"/>"
                                + "</observation></component></organizer>")
                                + "<entry/>"
                                + CdaFixtures.entry(CdaFixtures.observation("718-7", "Hemoglobin", "PQ",
                                        "value=\"13.2\" unit=\"g/dL\"", "<effectiveTime value=\"2024\"/>")))
                + "</structuredBody></component></ClinicalDocument>";
        DocumentRecords records = read(doc.getBytes(StandardCharsets.UTF_8), DocumentKind.CDA_OTHER, "u/broken");
        assertEquals(Map.of("Observation", 1), types(records.resources()));
        assertEquals(List.of("Results (30954-2): 2 entries could not be read (1 without a code)."), records.notes());
    }

    @Test
    void fhirBundlesResourcesAndNdjsonAreReadWithoutThePatient() throws IOException {
        DocumentRecords bundle = read(CdaFixtures.fhirBundle(), DocumentKind.FHIR_BUNDLE, "u/b");
        assertEquals(Map.of("Condition", 1, "Observation", 1), types(bundle.resources()));
        assertNull(bundle.note());
        Observation hemoglobin = of(bundle.resources(), Observation.class).get(0);
        assertEquals("13.2", hemoglobin.getValueQuantity().getValue().toPlainString());
        assertNotEquals("o1", hemoglobin.getIdElement().getIdPart(), "ids are made per document");

        String ndjson = "{\"resourceType\":\"Immunization\",\"id\":\"i1\",\"status\":\"completed\",\"vaccineCode\":"
                + "{\"coding\":[{\"system\":\"http://hl7.org/fhir/sid/cvx\",\"code\":\"140\"}]},"
                + "\"occurrenceDateTime\":\"2023-10-10\"}\n\n{not json\n"
                + "{\"resourceType\":\"Procedure\",\"id\":\"p1\",\"status\":\"completed\"}\n";
        DocumentRecords lines = read(ndjson.getBytes(StandardCharsets.UTF_8), DocumentKind.FHIR_NDJSON, "u/n");
        assertEquals(Map.of("Immunization", 1, "Procedure", 1), types(lines.resources()));
        assertEquals(List.of("1 resource could not be read."), lines.notes());

        String xml = "<Condition xmlns=\"http://hl7.org/fhir\"><id value=\"x1\"/><code><coding><system "
                + "value=\"http://snomed.info/sct\"/><code value=\"38341003\"/></coding></code></Condition>";
        DocumentRecords single = read(xml.getBytes(StandardCharsets.UTF_8), DocumentKind.FHIR_RESOURCE, "u/x");
        assertEquals(Map.of("Condition", 1), types(single.resources()));
    }

    @Test
    void aDocumentOverTheSizeLimitIsNotReadForRecords() throws IOException {
        Path big = dir.resolve("big.ndjson");
        try (var out = Files.newOutputStream(big)) {
            byte[] line = "{\"resourceType\":\"Procedure\",\"id\":\"p\",\"status\":\"completed\"}\n"
                    .getBytes(StandardCharsets.UTF_8);
            for (long written = 0; written <= StructuredRecords.MAX_BYTES; written += line.length) {
                out.write(line);
            }
        }
        DocumentRecords records = StructuredRecords.read(FHIR, big, DocumentKind.FHIR_NDJSON, "u/big", "urn:uuid:b");
        assertEquals(List.of(), records.resources());
        assertEquals("The document is larger than 32 MB, so its records were not read.", records.note());
    }

    @Test
    void otherKindsHoldNoRecords() throws IOException {
        assertTrue(StructuredRecords.holdsRecords(DocumentKind.CCDA_DISCHARGE_SUMMARY));
        assertTrue(!StructuredRecords.holdsRecords(DocumentKind.CCDA_UNSTRUCTURED));
        assertTrue(!StructuredRecords.holdsRecords(DocumentKind.PDF_LAB_REPORT));
        assertEquals(List.of(), read(CdaFixtures.ccd(), DocumentKind.PDF_OTHER, "u/p").resources());
    }
}
