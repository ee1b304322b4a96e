package health.ferry.uploads.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import health.ferry.records.RecordCategory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FHIR Bundles, single resources (JSON and XML), NDJSON and Apple Health clinical records. */
class ClassificationFhirTest {
    private static final String VITALS = "{\"resourceType\":\"Observation\",\"category\":[{\"coding\":[{\"system\":"
            + "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"vital-signs\"}]}]}";
    private static final String LAB = "{\"resourceType\":\"Observation\",\"category\":[{\"coding\":[{\"code\":"
            + "\"laboratory\"}]}]}";

    @TempDir
    Path dir;
    Samples samples;

    @BeforeEach
    void setUp() {
        samples = new Samples(dir);
    }

    private static String bundle(String... resources) {
        StringBuilder json = new StringBuilder("{\"type\":\"collection\",\"entry\":[");
        for (int i = 0; i < resources.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:").append(i).append("\",\"resource\":")
                    .append(resources[i]).append("}");
        }
        return json.append("],\"resourceType\":\"Bundle\"}").toString();
    }

    @Test
    void bundleIsFiledUnderWhatMostOfItsResourcesAre() throws IOException {
        Classification c = samples.classify("application/fhir+json", bundle("{\"resourceType\":\"Patient\"}", VITALS,
                VITALS, LAB, "{\"resourceType\":\"Condition\"}"));
        assertEquals(DocumentKind.FHIR_BUNDLE, c.kind());
        assertEquals(RecordCategory.VITAL_SIGNS, c.category());
        assertEquals("FHIR Bundle (collection) with 5 resources: Observation 3, Condition 1, Patient 1", c.evidence());
    }

    @Test
    void singleResourcesByType() throws IOException {
        assertEquals(RecordCategory.ALLERGIES,
                samples.classify("application/fhir+json", "{\"resourceType\":\"AllergyIntolerance\"}").category());
        assertEquals(RecordCategory.LAB_RESULTS, samples.classify("application/fhir+json", LAB).category());
        Classification vitals = samples.classify("application/fhir+json", VITALS);
        assertEquals(DocumentKind.FHIR_RESOURCE, vitals.kind());
        assertEquals(RecordCategory.VITAL_SIGNS, vitals.category());
        assertEquals("FHIR resourceType Observation", vitals.evidence());
    }

    @Test
    void xmlResourceAndBundle() throws IOException {
        Classification condition = samples.classify("application/fhir+xml",
                "<Condition xmlns=\"http://hl7.org/fhir\"><id value=\"1\"/></Condition>");
        assertEquals(DocumentKind.FHIR_RESOURCE, condition.kind());
        assertEquals(RecordCategory.CONDITIONS, condition.category());
        Classification bundle = samples.classify("application/fhir+xml", "<Bundle xmlns=\"http://hl7.org/fhir\">"
                + "<type value=\"searchset\"/><entry><resource><Immunization><id value=\"1\"/></Immunization>"
                + "</resource></entry><entry><resource><Observation><category><coding><code value=\"vital-signs\"/>"
                + "</coding></category></Observation></resource></entry><entry><resource><Immunization/></resource>"
                + "</entry></Bundle>");
        assertEquals(DocumentKind.FHIR_BUNDLE, bundle.kind());
        assertEquals(RecordCategory.IMMUNIZATIONS, bundle.category());
        assertEquals("FHIR Bundle (searchset) with 3 resources: Immunization 2, Observation 1", bundle.evidence());
    }

    @Test
    void ndjsonLines() throws IOException {
        Classification c = samples.classify("application/fhir+json", "{\"resourceType\":\"MedicationRequest\"}\n"
                + "{\"resourceType\":\"MedicationRequest\"}\n{\"resourceType\":\"Condition\"}\n");
        assertEquals(DocumentKind.FHIR_NDJSON, c.kind());
        assertEquals(RecordCategory.MEDICATIONS, c.category());
        assertTrue(c.evidence().startsWith("FHIR NDJSON, 3 lines"), c.evidence());
    }

    @Test
    void appleHealthClinicalRecordsArePlainResources() throws IOException {
        DocumentFacts record = samples.facts("apple_health_export/clinical-records/Immunization-3.json",
                "application/fhir+json", "{\"resourceType\":\"Immunization\",\"status\":\"completed\"}");
        DocumentFacts export = samples.facts("apple_health_export/export.xml", "application/xml",
                "<?xml version=\"1.0\"?><HealthData locale=\"en_US\"><Record type=\"HKQuantityTypeIdentifierHeight\"/>"
                        + "</HealthData>");
        PackageClassification result = PackageClassifier.classify(List.of(record, export));
        Classification immunization = result.documents().get(0);
        assertEquals(DocumentKind.FHIR_RESOURCE, immunization.kind());
        assertEquals(RecordCategory.IMMUNIZATIONS, immunization.category());
        assertTrue(immunization.evidence().endsWith("Apple Health clinical record"), immunization.evidence());
        assertEquals(DocumentKind.OTHER, result.documents().get(1).kind());
        assertTrue(result.documents().get(1).evidence().contains("Apple Health export.xml"));
    }

    @Test
    void brokenJsonKeepsTheResourceTypeAtLowConfidence() throws IOException {
        Classification c = samples.classify("application/fhir+json", "{\"resourceType\":\"Bundle\",\"entry\":[{]");
        assertEquals(DocumentKind.FHIR_BUNDLE, c.kind());
        assertTrue(c.confidence() < 0.5, c.evidence());
        assertTrue(c.evidence().contains("JSON not well-formed"), c.evidence());
    }

    @Test
    void jsonWithoutResourceTypeIsNotFhir() throws IOException {
        assertEquals(DocumentKind.OTHER, samples.classify("application/json", "{\"name\":\"x\"}").kind());
        assertEquals(DocumentKind.TEXT, samples.classify("text/plain", "{ not json at all").kind());
    }

    @Test
    void deeplyNestedJsonIsStoppedByTheNestingLimit() throws IOException {
        String deep = "{\"resourceType\":\"Basic\",\"x\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}";
        Classification c = samples.classify("application/fhir+json", deep);
        assertEquals(DocumentKind.FHIR_RESOURCE, c.kind());
        assertTrue(c.evidence().contains("not well-formed"), c.evidence());
    }
}
