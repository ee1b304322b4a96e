package health.ferry;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Random;

/**
 * A generated FHIR R4 bundle the size and shape of one Synthea patient (nothing copied): a Patient, a few hundred
 * Encounters, and per encounter the Observations (vital signs and labs with LOINC codes and quantities),
 * Conditions, MedicationRequests, Immunizations, Procedures and DiagnosticReports Synthea writes, pretty-printed as
 * Synthea does. Resource ids carry {@code tag} so that every run stores new records.
 */
public final class SyntheaLikeBundle {
    private static final String[][] VITALS = {{"8302-2", "Body Height", "cm"}, {"29463-7", "Body Weight", "kg"},
        {"39156-5", "Body mass index", "kg/m2"}, {"8867-4", "Heart rate", "/min"},
        {"9279-1", "Respiratory rate", "/min"}, {"8310-5", "Body temperature", "Cel"},
        {"2339-0", "Glucose", "mg/dL"}, {"38483-4", "Creatinine", "mg/dL"}, {"2093-3", "Cholesterol", "mg/dL"},
        {"718-7", "Hemoglobin", "g/dL"}};
    private static final String[][] CONDITIONS = {{"44054006", "Diabetes"}, {"38341003", "Hypertension"},
        {"195662009", "Acute viral pharyngitis"}, {"10509002", "Acute bronchitis"}, {"40055000", "Chronic sinusitis"}};

    private SyntheaLikeBundle() {
    }

    public static byte[] generate(String tag, int encounters) {
        Random random = new Random(11);
        StringBuilder b = new StringBuilder(encounters * 6_000);
        b.append("{\n  \"resourceType\": \"Bundle\",\n  \"type\": \"transaction\",\n  \"entry\": [\n");
        String patient = tag + "-patient";
        entry(b, "Patient", patient, "\"name\": [ { \"use\": \"official\", \"family\": \"Bench\", \"given\": [ "
                + "\"Syn\" ] } ],\n      \"gender\": \"female\",\n      \"birthDate\": \"1970-05-06\"");
        for (int e = 0; e < encounters; e++) {
            String day = String.format(Locale.ROOT, "20%02d-%02d-%02d", 10 + e / 40, 1 + e % 12, 1 + e % 28);
            String enc = tag + "-enc-" + e;
            entry(b, "Encounter", enc, "\"status\": \"finished\",\n      \"class\": { \"system\": "
                    + "\"http://terminology.hl7.org/CodeSystem/v3-ActCode\", \"code\": \"AMB\" },\n      \"type\": [ "
                    + coding("http://snomed.info/sct", "185349003", "Encounter for check up") + " ],\n      "
                    + "\"subject\": { \"reference\": \"urn:uuid:" + patient + "\" },\n      \"period\": { \"start\": \""
                    + day + "T09:00:00-05:00\", \"end\": \"" + day + "T09:30:00-05:00\" }");
            for (int o = 0; o < 8; o++) {
                String[] v = VITALS[(e + o) % VITALS.length];
                entry(b, "Observation", enc + "-obs-" + o, "\"status\": \"final\",\n      \"category\": [ "
                        + coding("http://terminology.hl7.org/CodeSystem/observation-category",
                                o < 6 ? "vital-signs" : "laboratory", o < 6 ? "vital-signs" : "laboratory")
                        + " ],\n      \"code\": " + coding("http://loinc.org", v[0], v[1]) + ",\n      \"subject\": "
                        + "{ \"reference\": \"urn:uuid:" + patient + "\" },\n      \"encounter\": { \"reference\": "
                        + "\"urn:uuid:" + enc + "\" },\n      \"effectiveDateTime\": \"" + day + "T09:10:00-05:00\",\n"
                        + "      \"valueQuantity\": { \"value\": " + (random.nextInt(2000) / 10.0) + ", \"unit\": \""
                        + v[2] + "\", \"system\": \"http://unitsofmeasure.org\", \"code\": \"" + v[2] + "\" }");
            }
            if (e % 3 == 0) {
                String[] c = CONDITIONS[e % CONDITIONS.length];
                entry(b, "Condition", enc + "-cond", "\"clinicalStatus\": " + coding(
                        "http://terminology.hl7.org/CodeSystem/condition-clinical", "active", "Active") + ",\n      "
                        + "\"code\": " + coding("http://snomed.info/sct", c[0], c[1]) + ",\n      \"subject\": { "
                        + "\"reference\": \"urn:uuid:" + patient + "\" },\n      \"onsetDateTime\": \"" + day
                        + "T09:00:00-05:00\"");
            }
            if (e % 2 == 0) {
                entry(b, "MedicationRequest", enc + "-med", "\"status\": \"active\",\n      \"intent\": \"order\",\n"
                        + "      \"medicationCodeableConcept\": " + coding("http://www.nlm.nih.gov/research/umls/rxnorm",
                                "314076", "lisinopril 10 MG Oral Tablet") + ",\n      \"subject\": { \"reference\": "
                        + "\"urn:uuid:" + patient + "\" },\n      \"authoredOn\": \"" + day + "T09:20:00-05:00\"");
            }
            if (e % 5 == 0) {
                entry(b, "Immunization", enc + "-imm", "\"status\": \"completed\",\n      \"vaccineCode\": "
                        + coding("http://hl7.org/fhir/sid/cvx", "140", "Influenza, seasonal, injectable") + ",\n      "
                        + "\"patient\": { \"reference\": \"urn:uuid:" + patient + "\" },\n      \"occurrenceDateTime\": \""
                        + day + "T09:15:00-05:00\"");
            }
            if (e % 4 == 0) {
                entry(b, "Procedure", enc + "-proc", "\"status\": \"completed\",\n      \"code\": "
                        + coding("http://snomed.info/sct", "430193006", "Medication reconciliation") + ",\n      "
                        + "\"subject\": { \"reference\": \"urn:uuid:" + patient + "\" },\n      \"performedPeriod\": "
                        + "{ \"start\": \"" + day + "T09:00:00-05:00\", \"end\": \"" + day + "T09:15:00-05:00\" }");
                entry(b, "DiagnosticReport", enc + "-dr", "\"status\": \"final\",\n      \"code\": "
                        + coding("http://loinc.org", "51990-0", "Basic metabolic panel") + ",\n      \"subject\": { "
                        + "\"reference\": \"urn:uuid:" + patient + "\" },\n      \"effectiveDateTime\": \"" + day
                        + "T09:10:00-05:00\",\n      \"result\": [ { \"reference\": \"urn:uuid:" + enc + "-obs-6\" }, "
                        + "{ \"reference\": \"urn:uuid:" + enc + "-obs-7\" } ]");
            }
        }
        b.setLength(b.length() - 2);
        b.append("\n  ]\n}\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String coding(String system, String code, String display) {
        return "{ \"coding\": [ { \"system\": \"" + system + "\", \"code\": \"" + code + "\", \"display\": \""
                + display + "\" } ], \"text\": \"" + display + "\" }";
    }

    private static void entry(StringBuilder b, String type, String id, String body) {
        b.append("    {\n      \"fullUrl\": \"https://synthea.example/fhir/").append(type).append('/').append(id)
                .append("\",\n      \"resource\": {\n")
                .append("      \"resourceType\": \"").append(type).append("\",\n      \"id\": \"").append(id)
                .append("\",\n      ").append(body).append("\n      },\n      \"request\": { \"method\": \"POST\", ")
                .append("\"url\": \"").append(type).append("\" }\n    },\n");
    }
}
