package health.ferry.uploads.classification;

import health.ferry.records.RecordCategory;
import java.util.Map;

/** The record category of each FHIR R4 resource type Ferry files; all others are "other". */
final class FhirResourceTypes {
    private static final Map<String, RecordCategory> CATEGORIES = Map.ofEntries(
            Map.entry("Condition", RecordCategory.CONDITIONS),
            Map.entry("AllergyIntolerance", RecordCategory.ALLERGIES),
            Map.entry("Medication", RecordCategory.MEDICATIONS),
            Map.entry("MedicationRequest", RecordCategory.MEDICATIONS),
            Map.entry("MedicationStatement", RecordCategory.MEDICATIONS),
            Map.entry("MedicationAdministration", RecordCategory.MEDICATIONS),
            Map.entry("MedicationDispense", RecordCategory.MEDICATIONS),
            Map.entry("Immunization", RecordCategory.IMMUNIZATIONS),
            Map.entry("ImmunizationRecommendation", RecordCategory.IMMUNIZATIONS),
            Map.entry("Observation", RecordCategory.LAB_RESULTS),
            Map.entry("DiagnosticReport", RecordCategory.LAB_RESULTS),
            Map.entry("Specimen", RecordCategory.LAB_RESULTS),
            Map.entry("ImagingStudy", RecordCategory.LAB_RESULTS),
            Map.entry("Procedure", RecordCategory.PROCEDURES),
            Map.entry("Encounter", RecordCategory.VISITS),
            Map.entry("Appointment", RecordCategory.VISITS),
            Map.entry("DocumentReference", RecordCategory.DOCUMENTS),
            Map.entry("Composition", RecordCategory.DOCUMENTS),
            Map.entry("DocumentManifest", RecordCategory.DOCUMENTS),
            Map.entry("Binary", RecordCategory.DOCUMENTS),
            Map.entry("Media", RecordCategory.DOCUMENTS));

    static final String VITAL_SIGNS = "vital-signs";

    private FhirResourceTypes() {
    }

    /** Observations in the vital-signs category are vital signs; the rest of the observations are results. */
    static RecordCategory category(String resourceType, boolean vitalSigns) {
        if ("Observation".equals(resourceType) && vitalSigns) {
            return RecordCategory.VITAL_SIGNS;
        }
        return CATEGORIES.getOrDefault(resourceType, RecordCategory.OTHER);
    }
}
