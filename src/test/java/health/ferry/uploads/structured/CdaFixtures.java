package health.ferry.uploads.structured;

import java.nio.charset.StandardCharsets;

/** C-CDA documents written here, for the record mapping: every mapped section, with known codes and values. */
public final class CdaFixtures {
    private static final String LOINC = "2.16.840.1.113883.6.1";
    private static final String SNOMED = "2.16.840.1.113883.6.96";

    private CdaFixtures() {
    }

    /**
     * A CCD with 2 problems (one in a concern, one bare) and 1 unreadable problem entry (no code), 1 allergy with a
     * reaction, 1 medication, 1 immunization, a lab panel of 2 results, a vital-signs panel of 2, 1 procedure and
     * 1 encounter: 11 records.
     */
    public static byte[] ccd() {
        return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ClinicalDocument xmlns=\"urn:hl7-org:v3\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
                + "<templateId root=\"2.16.840.1.113883.10.20.22.1.1\"/>"
                + "<templateId root=\"2.16.840.1.113883.10.20.22.1.2\" extension=\"2015-08-01\"/>"
                + "<code code=\"34133-9\" codeSystem=\"" + LOINC + "\"/><title>Fixture summary</title>"
                + "<component><structuredBody>"
                + section("11450-4", "Problems",
                        entry("<act classCode=\"ACT\" moodCode=\"EVN\"><code code=\"CONC\"/>"
                                + "<statusCode code=\"active\"/><entryRelationship typeCode=\"SUBJ\">"
                                + "<observation classCode=\"OBS\" moodCode=\"EVN\"><code code=\"55607006\" codeSystem=\""
                                + SNOMED + "\"/><statusCode code=\"completed\"/>"
                                + "<effectiveTime><low value=\"20190312\"/></effectiveTime>"
                                + "<value xsi:type=\"CD\" code=\"44054006\" codeSystem=\"" + SNOMED
                                + "\" displayName=\"Diabetes mellitus type 2\"><translation code=\"E11.9\" "
                                + "codeSystem=\"2.16.840.1.113883.6.90\" displayName=\"Type 2 diabetes\"/></value>"
                                + "</observation></entryRelationship></act>")
                        + entry("<observation classCode=\"OBS\" moodCode=\"EVN\"><code code=\"55607006\"/>"
                                + "<statusCode code=\"completed\"/><effectiveTime><low value=\"20100101\"/>"
                                + "<high value=\"20120601\"/></effectiveTime><value xsi:type=\"CD\" code=\"195967001\""
                                + " codeSystem=\"" + SNOMED + "\" displayName=\"Asthma\"/></observation>")
                        + entry("<observation classCode=\"OBS\" moodCode=\"EVN\"><code code=\"55607006\"/>"
                                + "<value xsi:type=\"CD\" nullFlavor=\"UNK\"/></observation>"))
                + section("48765-2", "Allergies",
                        entry("<act classCode=\"ACT\" moodCode=\"EVN\"><statusCode code=\"active\"/>"
                                + "<entryRelationship typeCode=\"SUBJ\"><observation classCode=\"OBS\" moodCode=\"EVN\">"
                                + "<effectiveTime><low value=\"20050101\"/></effectiveTime>"
                                + "<value xsi:type=\"CD\" code=\"416098002\" codeSystem=\"" + SNOMED
                                + "\" displayName=\"Drug allergy\"/><participant typeCode=\"CSM\"><participantRole>"
                                + "<playingEntity><code code=\"7980\" codeSystem=\"2.16.840.1.113883.6.88\" "
                                + "displayName=\"Penicillin G\"/></playingEntity></participantRole></participant>"
                                + "<entryRelationship typeCode=\"MFST\" inversionInd=\"true\"><observation>"
                                + "<value xsi:type=\"CD\" code=\"247472004\" codeSystem=\"" + SNOMED
                                + "\" displayName=\"Hives\"/></observation></entryRelationship>"
                                + "</observation></entryRelationship></act>"))
                + section("10160-0", "Medications",
                        entry("<substanceAdministration classCode=\"SBADM\" moodCode=\"EVN\">"
                                + "<statusCode code=\"active\"/><effectiveTime xsi:type=\"IVL_TS\">"
                                + "<low value=\"20200115\"/></effectiveTime><effectiveTime xsi:type=\"PIVL_TS\" "
                                + "operator=\"A\"><period value=\"12\" unit=\"h\"/></effectiveTime>"
                                + "<routeCode code=\"C38288\" codeSystem=\"2.16.840.1.113883.3.26.1.1\" "
                                + "displayName=\"Oral\"/><doseQuantity value=\"500\" unit=\"mg\"/>"
                                + "<consumable><manufacturedProduct><manufacturedMaterial><code code=\"860975\" "
                                + "codeSystem=\"2.16.840.1.113883.6.88\" displayName=\"Metformin 500 MG Oral Tablet\"/>"
                                + "</manufacturedMaterial></manufacturedProduct></consumable>"
                                + "</substanceAdministration>"))
                + section("11369-6", "Immunizations",
                        entry("<substanceAdministration classCode=\"SBADM\" moodCode=\"EVN\" negationInd=\"false\">"
                                + "<statusCode code=\"completed\"/><effectiveTime value=\"20231010\"/>"
                                + "<doseQuantity value=\"0.5\" unit=\"mL\"/><consumable><manufacturedProduct>"
                                + "<manufacturedMaterial><code code=\"140\" codeSystem=\"2.16.840.1.113883.12.292\" "
                                + "displayName=\"Influenza, seasonal, injectable\"/><lotNumberText>AB123</lotNumberText>"
                                + "</manufacturedMaterial></manufacturedProduct></consumable>"
                                + "</substanceAdministration>"))
                + section("30954-2", "Results",
                        entry("<organizer classCode=\"BATTERY\" moodCode=\"EVN\"><code code=\"24323-8\" codeSystem=\""
                                + LOINC + "\"/><statusCode code=\"completed\"/><effectiveTime value=\"20240102080000-0500\"/>"
                                + component(observation("2345-7", "Glucose", "PQ", "value=\"98\" unit=\"mg/dL\"", "")
                                        .replace("</observation>", "<interpretationCode code=\"N\" codeSystem="
                                                + "\"2.16.840.1.113883.5.83\"/><referenceRange><observationRange>"
                                                + "<value xsi:type=\"IVL_PQ\"><low value=\"70\" unit=\"mg/dL\"/>"
                                                + "<high value=\"99\" unit=\"mg/dL\"/></value></observationRange>"
                                                + "</referenceRange></observation>"))
                                + component(observation("2160-0", "Creatinine", "PQ", "value=\"1.1\" unit=\"mg/dL\"",
                                        "")) + "</organizer>"))
                + section("8716-3", "Vital signs",
                        entry("<organizer classCode=\"CLUSTER\" moodCode=\"EVN\"><code code=\"46680005\" codeSystem=\""
                                + SNOMED + "\"/><statusCode code=\"completed\"/><effectiveTime value=\"20240102\"/>"
                                + component(observation("8302-2", "Body height", "PQ", "value=\"172\" unit=\"cm\"", ""))
                                + component(observation("29463-7", "Body weight", "PQ", "value=\"70.5\" unit=\"kg\"",
                                        "")) + "</organizer>"))
                + section("47519-4", "Procedures",
                        entry("<procedure classCode=\"PROC\" moodCode=\"EVN\"><code code=\"80146002\" codeSystem=\""
                                + SNOMED + "\" displayName=\"Appendectomy\"/><statusCode code=\"completed\"/>"
                                + "<effectiveTime value=\"20150704\"/></procedure>"))
                + section("46240-8", "Encounters",
                        entry("<encounter classCode=\"ENC\" moodCode=\"EVN\"><code code=\"99213\" codeSystem="
                                + "\"2.16.840.1.113883.6.12\" displayName=\"Office visit\"/>"
                                + "<effectiveTime><low value=\"20240102080000-0500\"/><high value=\"20240102090000-0500\"/>"
                                + "</effectiveTime></encounter>"))
                + "</structuredBody></component></ClinicalDocument>\n").getBytes(StandardCharsets.UTF_8);
    }

    static String section(String code, String title, String entries) {
        return "<component><section><code code=\"" + code + "\" codeSystem=\"" + LOINC + "\"/><title>" + title
                + "</title><text>narrative</text>" + entries + "</section></component>";
    }

    static String entry(String statement) {
        return "<entry typeCode=\"DRIV\">" + statement + "</entry>";
    }

    static String component(String observation) {
        return "<component>" + observation + "</component>";
    }

    static String observation(String loinc, String display, String type, String value, String time) {
        return "<observation classCode=\"OBS\" moodCode=\"EVN\"><code code=\"" + loinc + "\" codeSystem=\"" + LOINC
                + "\" displayName=\"" + display + "\"/><statusCode code=\"completed\"/>" + time
                + "<value xsi:type=\"" + type + "\" " + value + "/></observation>";
    }

    /** A FHIR R4 Bundle (JSON) with a Patient, a Condition and a lab Observation. */
    public static byte[] fhirBundle() {
        return ("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
                + "{\"resource\":{\"resourceType\":\"Patient\",\"id\":\"p1\"}},"
                + "{\"resource\":{\"resourceType\":\"Condition\",\"id\":\"c1\",\"code\":{\"coding\":[{\"system\":"
                + "\"http://snomed.info/sct\",\"code\":\"38341003\",\"display\":\"Hypertension\"}]},"
                + "\"subject\":{\"reference\":\"Patient/p1\"},\"onsetDateTime\":\"2018-04-01\"}},"
                + "{\"resource\":{\"resourceType\":\"Observation\",\"id\":\"o1\",\"status\":\"final\",\"category\":[{"
                + "\"coding\":[{\"system\":\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":"
                + "\"laboratory\"}]}],\"code\":{\"coding\":[{\"system\":\"http://loinc.org\",\"code\":\"718-7\","
                + "\"display\":\"Hemoglobin\"}]},\"effectiveDateTime\":\"2024-01-02\",\"valueQuantity\":{\"value\":"
                + "13.2,\"unit\":\"g/dL\",\"system\":\"http://unitsofmeasure.org\",\"code\":\"g/dL\"}}}]}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
