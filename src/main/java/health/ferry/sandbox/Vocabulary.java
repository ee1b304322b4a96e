package health.ferry.sandbox;

import java.util.List;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * The codes the synthetic records use: SNOMED CT, LOINC, RxNorm and CVX, with display names as the code systems
 * give them. A clinical story (condition, its medicines, labs and care plan) is kept together.
 */
final class Vocabulary {
    static final String SNOMED = "http://snomed.info/sct";
    static final String LOINC = "http://loinc.org";
    static final String RXNORM = "http://www.nlm.nih.gov/research/umls/rxnorm";
    static final String CVX = "http://hl7.org/fhir/sid/cvx";
    static final String UCUM = "http://unitsofmeasure.org";

    record Code(String system, String code, String display) {
    }

    /** A measurement: its LOINC code, UCUM unit and the usual range values are drawn from. */
    record Measure(Code code, String unit, double low, double high, int decimals) {
    }

    /** A long-term condition with what usually comes with it. */
    record Story(Code condition, List<Code> medicines, List<Measure> monitoring, String carePlan,
            List<String> activities, boolean child) {
    }

    /** A short illness: its condition and the medicine that treats it. */
    record Episode(Code condition, Code medicine) {
    }

    /** The code as a CodeableConcept, its display also as the text. */
    static CodeableConcept concept(Code code) {
        return new CodeableConcept(new Coding(code.system(), code.code(), code.display())).setText(code.display());
    }

    static CodeableConcept concept(String system, String code, String display) {
        return concept(new Code(system, code, display));
    }

    static Code snomed(String code, String display) {
        return new Code(SNOMED, code, display);
    }

    static Code loinc(String code, String display) {
        return new Code(LOINC, code, display);
    }

    static Code rxnorm(String code, String display) {
        return new Code(RXNORM, code, display);
    }

    static Code cvx(String code, String display) {
        return new Code(CVX, code, display);
    }

    static Measure measure(String code, String display, String unit, double low, double high, int decimals) {
        return new Measure(loinc(code, display), unit, low, high, decimals);
    }

    static final Measure HBA1C = measure("4548-4", "Hemoglobin A1c/Hemoglobin.total in Blood", "%", 6.2, 8.1, 1);
    static final Measure GLUCOSE = measure("2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 72, 135, 0);
    static final Measure CREATININE = measure("2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL",
            0.6, 1.2, 2);
    static final Measure SODIUM = measure("2951-2", "Sodium [Moles/volume] in Serum or Plasma", "mmol/L", 136, 145, 0);
    static final Measure POTASSIUM = measure("2823-3", "Potassium [Moles/volume] in Serum or Plasma", "mmol/L",
            3.5, 5.1, 1);
    static final Measure CHOLESTEROL = measure("2093-3", "Cholesterol [Mass/volume] in Serum or Plasma", "mg/dL",
            150, 245, 0);
    static final Measure TRIGLYCERIDE = measure("2571-8", "Triglyceride [Mass/volume] in Serum or Plasma", "mg/dL",
            70, 210, 0);
    static final Measure HDL = measure("2085-9", "Cholesterol in HDL [Mass/volume] in Serum or Plasma", "mg/dL",
            38, 75, 0);
    static final Measure LDL = measure("18262-6", "Cholesterol in LDL [Mass/volume] in Serum or Plasma by Direct assay",
            "mg/dL", 70, 165, 0);
    static final Measure HEMOGLOBIN = measure("718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 12.0, 16.5, 1);
    static final Measure LEUKOCYTES = measure("6690-2", "Leukocytes [#/volume] in Blood by Automated count",
            "10*3/uL", 4.0, 10.5, 1);
    static final Measure PLATELETS = measure("777-3", "Platelets [#/volume] in Blood by Automated count", "10*3/uL",
            150, 400, 0);

    /** Lab panels: the report's code and its results. */
    record Panel(Code code, List<Measure> results) {
    }

    static final Panel BASIC_METABOLIC = new Panel(loinc("51990-0", "Basic metabolic panel - Blood"),
            List.of(GLUCOSE, CREATININE, SODIUM, POTASSIUM));
    static final Panel LIPIDS = new Panel(loinc("57698-3", "Lipid panel with direct LDL - Serum or Plasma"),
            List.of(CHOLESTEROL, TRIGLYCERIDE, HDL, LDL));
    static final Panel BLOOD_COUNT = new Panel(loinc("58410-2", "CBC panel - Blood by Automated count"),
            List.of(HEMOGLOBIN, LEUKOCYTES, PLATELETS));
    static final Panel A1C = new Panel(HBA1C.code(), List.of(HBA1C));

    static final Code BLOOD_PRESSURE = loinc("85354-9", "Blood pressure panel with all children optional");
    static final Code SYSTOLIC = loinc("8480-6", "Systolic blood pressure");
    static final Code DIASTOLIC = loinc("8462-4", "Diastolic blood pressure");
    static final Measure HEART_RATE = measure("8867-4", "Heart rate", "/min", 58, 96, 0);
    static final Measure RESPIRATORY_RATE = measure("9279-1", "Respiratory rate", "/min", 12, 20, 0);
    static final Measure TEMPERATURE = measure("8310-5", "Body temperature", "Cel", 36.3, 37.4, 1);
    static final Measure OXYGEN = measure("59408-5", "Oxygen saturation in Arterial blood by Pulse oximetry", "%",
            95, 100, 0);
    static final Code WEIGHT = loinc("29463-7", "Body weight");
    static final Code HEIGHT = loinc("8302-2", "Body height");
    static final Code BMI = loinc("39156-5", "Body mass index (BMI) [Ratio]");

    static final List<Story> STORIES = List.of(
            new Story(snomed("195967001", "Asthma"),
                    List.of(rxnorm("745679", "200 ACTUAT albuterol 0.09 MG/ACTUAT Metered Dose Inhaler"),
                            rxnorm("895994", "120 ACTUAT fluticasone propionate 0.044 MG/ACTUAT Metered Dose Inhaler")),
                    List.of(), "Asthma self-management plan",
                    List.of("Use the controller inhaler twice a day", "Carry the rescue inhaler at all times",
                            "Review the asthma action plan at each visit"), true),
            new Story(snomed("59621000", "Essential hypertension"),
                    List.of(rxnorm("314076", "lisinopril 10 MG Oral Tablet")), List.of(),
                    "Hypertension care plan", List.of("Check blood pressure at home weekly",
                            "Reduce salt in the diet", "Walk 30 minutes on most days"), false),
            new Story(snomed("44054006", "Diabetes mellitus type 2"),
                    List.of(rxnorm("860975", "24 HR metformin hydrochloride 500 MG Extended Release Oral Tablet")),
                    List.of(HBA1C), "Diabetes self-management plan", List.of("Check blood glucose before breakfast",
                            "Yearly eye and foot examinations", "Meet the dietitian"), false),
            new Story(snomed("55822004", "Hyperlipidemia"),
                    List.of(rxnorm("259255", "atorvastatin 80 MG Oral Tablet")), List.of(),
                    "Cholesterol management plan", List.of("Lipid panel every year", "Heart-healthy diet"), false),
            new Story(snomed("367498001", "Seasonal allergic rhinitis"),
                    List.of(rxnorm("1014676", "cetirizine hydrochloride 5 MG Oral Tablet")), List.of(), null,
                    List.of(), true),
            new Story(snomed("24079001", "Atopic dermatitis"),
                    List.of(rxnorm("106258", "hydrocortisone 10 MG/ML Topical Cream")), List.of(), null, List.of(),
                    true));

    static final List<Episode> EPISODES = List.of(
            new Episode(snomed("444814009", "Viral sinusitis"), null),
            new Episode(snomed("10509002", "Acute bronchitis"), null),
            new Episode(snomed("65363002", "Otitis media"), rxnorm("308182", "amoxicillin 250 MG Oral Capsule")),
            new Episode(snomed("43878008", "Streptococcal sore throat"),
                    rxnorm("834061", "penicillin V potassium 250 MG Oral Tablet")),
            new Episode(snomed("37796009", "Migraine"), rxnorm("849574", "naproxen sodium 220 MG Oral Tablet")));

    /** Medicines people take on their own, recorded as MedicationStatements. */
    static final List<Code> SELF_REPORTED = List.of(
            rxnorm("310965", "ibuprofen 200 MG Oral Tablet"),
            rxnorm("313782", "acetaminophen 325 MG Oral Tablet"),
            rxnorm("311372", "loratadine 10 MG Oral Tablet"));

    /** Allergy substance, category, reaction. */
    record Allergy(Code substance, String category, Code reaction) {
    }

    static final List<Allergy> ALLERGIES = List.of(
            new Allergy(snomed("764146007", "Penicillin"), "medication", snomed("247472004", "Hives")),
            new Allergy(snomed("256349002", "Peanut - dietary"), "food", snomed("39579001", "Anaphylaxis")),
            new Allergy(snomed("111088007", "Latex"), "environment", snomed("271807003", "Eruption of skin")),
            new Allergy(snomed("256277009", "Grass pollen"), "environment", snomed("76067001", "Sneezing")));

    static final Code FLU_VACCINE = cvx("140", "Influenza, seasonal, injectable, preservative free");
    static final Code TDAP = cvx("115", "Tdap");
    static final Code COVID_VACCINE = cvx("208",
            "SARS-COV-2 (COVID-19) vaccine, mRNA, spike protein, LNP, preservative free, 30 mcg/0.3mL dose");
    static final Code HPV = cvx("165", "HPV9");
    static final Code MENINGOCOCCAL = cvx("114", "meningococcal MCV4P");

    static final Code CHECK_UP = snomed("185349003", "Encounter for check up");
    static final Code WELL_CHILD = snomed("410620009", "Well child visit");
    static final Code SYMPTOM_VISIT = snomed("185345009", "Encounter for symptom");
    static final Code FOLLOW_UP = snomed("390906007", "Follow-up encounter");
    static final Code SPIROMETRY = snomed("127783003", "Spirometry");
    static final Code MEDICATION_RECONCILIATION = snomed("430193006", "Medication reconciliation");
    static final Code DEPRESSION_SCREENING = snomed("171207006", "Depression screening");
    static final Code THROAT_CULTURE = snomed("117015009", "Throat culture");
    static final Code CARE_PLAN = snomed("734163000", "Care plan");
    static final Code PROGRESS_NOTE = loinc("11506-3", "Progress note");
    static final Code SUMMARY_NOTE = loinc("34133-9", "Summary of episode note");

    private Vocabulary() {
    }
}
