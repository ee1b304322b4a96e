package health.ferry.uploads.structured;

import health.ferry.uploads.classification.XmlTree.Node;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/** CDA coded values ({@code code}, {@code value xsi:type="CD"} …) as FHIR codings, code system OIDs as FHIR URIs. */
final class CdaCodes {
    private static final Map<String, String> SYSTEMS = Map.ofEntries(
            Map.entry("2.16.840.1.113883.6.1", "http://loinc.org"),
            Map.entry("2.16.840.1.113883.6.96", "http://snomed.info/sct"),
            Map.entry("2.16.840.1.113883.6.88", "http://www.nlm.nih.gov/research/umls/rxnorm"),
            Map.entry("2.16.840.1.113883.12.292", "http://hl7.org/fhir/sid/cvx"),
            Map.entry("2.16.840.1.113883.6.90", "http://hl7.org/fhir/sid/icd-10-cm"),
            Map.entry("2.16.840.1.113883.6.3", "http://hl7.org/fhir/sid/icd-10"),
            Map.entry("2.16.840.1.113883.6.103", "http://hl7.org/fhir/sid/icd-9-cm"),
            Map.entry("2.16.840.1.113883.6.104", "http://hl7.org/fhir/sid/icd-9-cm"),
            Map.entry("2.16.840.1.113883.6.12", "http://www.ama-assn.org/go/cpt"),
            Map.entry("2.16.840.1.113883.6.285", "urn:oid:2.16.840.1.113883.6.285"),
            Map.entry("2.16.840.1.113883.6.69", "http://hl7.org/fhir/sid/ndc"),
            Map.entry("2.16.840.1.113883.4.9", "http://fdasis.nlm.nih.gov"),
            Map.entry("2.16.840.1.113883.6.8", "http://unitsofmeasure.org"),
            Map.entry("2.16.840.1.113883.5.4", "http://terminology.hl7.org/CodeSystem/v3-ActCode"),
            Map.entry("2.16.840.1.113883.5.83", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"),
            Map.entry("2.16.840.1.113883.5.8", "http://terminology.hl7.org/CodeSystem/v3-ActReason"),
            Map.entry("2.16.840.1.113883.5.1063", "http://terminology.hl7.org/CodeSystem/v3-ObservationValue"),
            Map.entry("2.16.840.1.113883.6.259", "http://terminology.hl7.org/CodeSystem/v3-ServiceDeliveryLocationRoleType"));

    private CdaCodes() {
    }

    static String system(String oid) {
        return oid == null ? null : SYSTEMS.getOrDefault(oid, "urn:oid:" + oid);
    }

    /** The concept of a CD element: its own code (unless a null flavor) plus its translations; null when empty. */
    static CodeableConcept concept(Node cd) {
        if (cd == null) {
            return null;
        }
        CodeableConcept concept = new CodeableConcept();
        Coding own = coding(cd);
        if (own != null) {
            concept.addCoding(own);
        }
        for (Node translation : cd.children("translation")) {
            Coding t = coding(translation);
            if (t != null) {
                concept.addCoding(t);
            }
        }
        Node original = cd.child("originalText");
        if (original != null && !original.text().isEmpty() && original.child("reference") == null) {
            concept.setText(original.text());
        } else if (own != null && own.hasDisplay()) {
            concept.setText(own.getDisplay());
        }
        return concept.hasCoding() || concept.hasText() ? concept : null;
    }

    private static Coding coding(Node cd) {
        String code = cd.attribute("code");
        if (code == null || code.isBlank() || cd.attribute("nullFlavor") != null) {
            return null;
        }
        Coding coding = new Coding().setSystem(system(cd.attribute("codeSystem"))).setCode(code.strip());
        String display = cd.attribute("displayName");
        if (display != null && !display.isBlank()) {
            coding.setDisplay(display.strip());
        }
        return coding;
    }
}
