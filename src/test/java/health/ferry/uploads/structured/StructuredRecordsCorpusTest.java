package health.ferry.uploads.structured;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import health.ferry.uploads.Corpus;
import health.ferry.uploads.classification.DocumentKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

/**
 * On the corpus's C-CDA documents, every mapped section's entries become records: the count per resource type is
 * what an independent XPath count of the coded entries says. On the corpus's FHIR examples, every resource but
 * Patients becomes a record (a Bundle's entries counted with Jackson).
 */
class StructuredRecordsCorpusTest {
    private static final String CODED = "[code[@code or translation/@code]]";
    private static final Map<String, String> EXPECTED = Map.of(
            "Condition", "//section[code/@code='11450-4' or code/@code='11348-0']/entry//observation"
                    + "[value[@code or translation/@code]][not(ancestor::observation)]",
            "AllergyIntolerance", "//section[code/@code='48765-2']/entry//observation[not(ancestor::observation)]"
                    + "[participant/participantRole/playingEntity/code[@code or translation/@code]"
                    + " or value[@code or translation/@code]]",
            "MedicationStatement", "//section[code/@code='10160-0' or code/@code='29549-3' or code/@code='10183-2']"
                    + "/entry/substanceAdministration[consumable/manufacturedProduct/manufacturedMaterial" + CODED + "]",
            "Immunization", "//section[code/@code='11369-6']/entry/substanceAdministration"
                    + "[consumable/manufacturedProduct/manufacturedMaterial" + CODED + "]",
            "Observation/laboratory", "//section[code/@code='30954-2']/entry/organizer/component/observation" + CODED
                    + " | //section[code/@code='30954-2']/entry/observation" + CODED,
            "Observation/vital-signs", "//section[code/@code='8716-3']/entry/organizer/component/observation" + CODED
                    + " | //section[code/@code='8716-3']/entry/observation" + CODED,
            "Procedure", "//section[code/@code='47519-4']/entry/*" + CODED,
            "Encounter", "//section[code/@code='46240-8']/entry/encounter" + CODED);

    @Test
    void everyStructuredCorpusCdaYieldsOneRecordPerCodedEntry() throws Exception {
        int documents = 0;
        for (Corpus.Item item : Corpus.manifest()) {
            if (!item.label().startsWith("C-CDA: ") || item.label().startsWith("C-CDA: Unstructured")) {
                continue;
            }
            Path file = Corpus.root().resolve(item.file());
            DocumentRecords records = StructuredRecords.read(StructuredRecordsTest.FHIR, file, DocumentKind.CDA_OTHER,
                    item.file(), "urn:uuid:corpus");
            assertEquals(expected(file), counted(records.resources()), item.file() + " " + records.note());
            documents++;
            if (item.label().contains("Continuity of Care Document") && item.file().contains("Documents/CCD/")) {
                assertFalse(records.resources().isEmpty(), item.file());
            }
        }
        assumeFalse(documents == 0, "no C-CDA documents in the corpus manifest");
    }

    @Test
    void theCorpusCcdsYieldRecordsInTheirSectionsCategories() throws Exception {
        Path ccd = Corpus.file("01-ccda/hl7-examples/Documents/CCD/CCD 1/CCD.XML");
        Map<String, Integer> counted = counted(StructuredRecords.read(StructuredRecordsTest.FHIR, ccd,
                DocumentKind.CCDA_CCD, "ccd1", "urn:uuid:ccd1").resources());
        for (String type : List.of("Condition", "AllergyIntolerance", "MedicationStatement", "Immunization",
                "Observation/laboratory", "Observation/vital-signs", "Procedure", "Encounter")) {
            assertFalse(counted.getOrDefault(type, 0) == 0, type + " in " + counted);
        }
    }

    @Test
    void everyCorpusFhirExampleButThePatientBecomesRecords() throws Exception {
        for (String name : List.of("observation-example.json", "immunization-example.json",
                "allergyintolerance-example.json", "condition-example.xml", "diagnosticreport-example.json")) {
            Path file = Corpus.file("04-fhir/fhir-test-cases/r4/examples/" + name);
            DocumentRecords records = StructuredRecords.read(StructuredRecordsTest.FHIR, file,
                    DocumentKind.FHIR_RESOURCE, name, "urn:uuid:fhir");
            assertEquals(name.endsWith(".xml") ? 1 : nonPatientResources(file), records.resources().size(),
                    name + " " + records.note());
        }
        Path patient = Corpus.file("04-fhir/fhir-test-cases/r4/examples/patient-example.json");
        assertEquals(List.of(), StructuredRecords.read(StructuredRecordsTest.FHIR, patient,
                DocumentKind.FHIR_RESOURCE, "p", "urn:uuid:p").resources());
    }

    /** Resources in a FHIR JSON file (a Bundle's entries, nested Bundles too), Patients and Bundles not counted. */
    private static int nonPatientResources(Path file) throws Exception {
        return count(new ObjectMapper().readTree(file.toFile()));
    }

    private static int count(JsonNode resource) {
        String type = resource.path("resourceType").asText();
        if ("Bundle".equals(type)) {
            int n = 0;
            for (JsonNode entry : resource.path("entry")) {
                n += entry.has("resource") ? count(entry.get("resource")) : 0;
            }
            return n;
        }
        return "Patient".equals(type) ? 0 : 1;
    }

    private static Map<String, Integer> counted(List<Resource> resources) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Resource r : resources) {
            String key = r instanceof Observation o ? "Observation/" + o.getCategoryFirstRep().getCodingFirstRep()
                    .getCode() : r.fhirType();
            counts.merge(key, 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> expected(Path file) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        Document doc = factory.newDocumentBuilder().parse(Files.newInputStream(file));
        Map<String, Integer> counts = new TreeMap<>();
        for (Map.Entry<String, String> e : EXPECTED.entrySet()) {
            int n = ((org.w3c.dom.NodeList) XPathFactory.newInstance().newXPath().evaluate(e.getValue(), doc,
                    XPathConstants.NODESET)).getLength();
            if (n > 0) {
                counts.put(e.getKey(), n);
            }
        }
        return counts;
    }
}
