package health.ferry.uploads.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Seeded generator of the text layer (or OCR text) of the documents participants upload, one class at a time, each
 * in several layouts as different portals, labs and practices print them: some with the usual title, some with only
 * a letterhead, a few with words of other classes (a visit summary that lists lab values and medications, a discharge
 * summary with discharge medications, a bill for a lab panel). Written to look like the documents, not like the
 * classifier's phrase lists, so the quality table measures the rules rather than restating them.
 */
final class ClinicalTexts {
    /** A class of document with its expected kind as a text PDF and as a photo read by OCR. */
    enum TextClass {
        LAB(DocumentKind.PDF_LAB_REPORT, DocumentKind.IMAGE_LAB_REPORT, ClinicalTexts::lab),
        IMAGING(DocumentKind.PDF_IMAGING_REPORT, DocumentKind.IMAGE_IMAGING_REPORT, ClinicalTexts::imaging),
        VISIT(DocumentKind.PDF_VISIT_SUMMARY, DocumentKind.IMAGE_VISIT_SUMMARY, ClinicalTexts::visit),
        DISCHARGE(DocumentKind.PDF_DISCHARGE_SUMMARY, DocumentKind.IMAGE_DISCHARGE_SUMMARY, ClinicalTexts::discharge),
        MEDICATIONS(DocumentKind.PDF_MEDICATION_LIST, DocumentKind.IMAGE_MEDICATION_LIST, ClinicalTexts::medications),
        IMMUNIZATIONS(DocumentKind.PDF_IMMUNIZATION_RECORD, DocumentKind.IMAGE_IMMUNIZATION_RECORD,
                ClinicalTexts::immunizations),
        BILLING(DocumentKind.PDF_BILLING, DocumentKind.IMAGE_BILLING, ClinicalTexts::billing),
        REFERRAL(DocumentKind.PDF_REFERRAL_LETTER, DocumentKind.IMAGE_REFERRAL_LETTER, ClinicalTexts::referral),
        INSURANCE(DocumentKind.PDF_INSURANCE_CARD, DocumentKind.IMAGE_INSURANCE_CARD, ClinicalTexts::insurance),
        OTHER(DocumentKind.PDF_OTHER, DocumentKind.IMAGE, ClinicalTexts::other);

        final DocumentKind pdf;
        final DocumentKind image;
        private final Function<ClinicalTexts, String> text;

        TextClass(DocumentKind pdf, DocumentKind image, Function<ClinicalTexts, String> text) {
            this.pdf = pdf;
            this.image = image;
            this.text = text;
        }

        String write(ClinicalTexts texts) {
            return text.apply(texts);
        }
    }

    private static final String[] NAMES = {"Maria Alvarez", "John Okafor", "Wei Chen", "Priya Nair", "Tom Becker",
        "Aisha Rahman", "Lena Novak", "Samuel Greene", "Yuki Tanaka", "Omar Haddad"};
    private static final String[] DOCTORS = {"Dr. Helen Park", "Dr. Rafael Ortiz", "Dr. Susan Miller",
        "Dr. Kwame Mensah", "Dr. Ingrid Larsen", "Dr. Ahmed Saleh"};
    private static final String[] CLINICS = {"Riverside Family Medicine", "Northgate Internal Medicine",
        "Lakeview Pediatrics", "St. Anne's Hospital", "Mercy General Hospital", "Hillcrest Clinic"};
    private static final String[][] TESTS = {{"Hemoglobin", "g/dL", "12.0-16.0", "13.4"},
        {"Glucose", "mg/dL", "70-99", "104"}, {"Creatinine", "mg/dL", "0.6-1.2", "0.9"},
        {"Sodium", "mmol/L", "135-145", "139"}, {"Potassium", "mmol/L", "3.5-5.1", "4.2"},
        {"Cholesterol, total", "mg/dL", "<200", "214"}, {"TSH", "mIU/L", "0.4-4.0", "2.1"},
        {"WBC", "10*3/uL", "4.0-11.0", "6.8"}, {"Platelets", "10*3/uL", "150-400", "251"},
        {"HbA1c", "%", "4.0-5.6", "6.1"}};
    private static final String[] DRUGS = {"Lisinopril 10 mg", "Metformin 500 mg", "Atorvastatin 20 mg",
        "Levothyroxine 50 mcg", "Amlodipine 5 mg", "Sertraline 50 mg", "Albuterol HFA 90 mcg", "Omeprazole 20 mg"};
    private static final String[] VACCINES = {"Influenza, seasonal", "Tdap", "MMR", "Hepatitis B", "COVID-19 mRNA",
        "Pneumococcal conjugate (PCV20)", "Varicella", "HPV"};

    private final Random random;

    ClinicalTexts(long seed) {
        this.random = new Random(seed);
    }

    /** {@code count} documents of {@code textClass}, layouts in turn. */
    List<String> documents(TextClass textClass, int count) {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            texts.add(textClass.write(this));
        }
        return texts;
    }

    /**
     * The text as OCR reads a phone photo of the page: some letters misread ({@code l}→{@code 1}, {@code O}→{@code 0},
     * {@code rn}→{@code m}), some words run together or split.
     */
    String ocrNoise(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            double roll = random.nextDouble();
            if (roll < 0.015 && c == 'l') {
                out.append('1');
            } else if (roll < 0.015 && c == 'O') {
                out.append('0');
            } else if (roll < 0.01 && c == 'm') {
                out.append("rn");
            } else if (roll < 0.006 && c == ' ') {
                continue;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private int layout(int layouts) {
        return random.nextInt(layouts);
    }

    private String pick(String[] values) {
        return values[random.nextInt(values.length)];
    }

    private String date() {
        return String.format("%02d/%02d/20%02d", 1 + random.nextInt(12), 1 + random.nextInt(28), 18 + random.nextInt(8));
    }

    private String header() {
        return pick(CLINICS) + "\n123 Main Street, Springfield\nPatient: " + pick(NAMES) + "   DOB: " + date()
                + "   MRN: " + (100000 + random.nextInt(900000)) + "\n";
    }

    private String labLines(int n, String separator) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < n; i++) {
            String[] t = TESTS[(i + random.nextInt(TESTS.length)) % TESTS.length];
            rows.append(t[0]).append(separator).append(t[3]).append(separator).append(t[1]).append(separator)
                    .append(t[2]).append(random.nextInt(5) == 0 ? separator + "H" : "").append('\n');
        }
        return rows.toString();
    }

    private String drugLines(int n, boolean sig) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < n; i++) {
            rows.append(pick(DRUGS)).append(sig ? " tablet, take 1 by mouth daily" : " once a day").append('\n');
        }
        return rows.toString();
    }

    private static String lab(ClinicalTexts t) {
        return switch (t.layout(4)) {
            case 0 -> t.header() + "LABORATORY REPORT\nSpecimen collected: " + t.date() + "  Reported: " + t.date()
                    + "\nTest Name   Result   Units   Reference Range   Flag\n" + t.labLines(6, "   ")
                    + "Ordering physician: " + t.pick(DOCTORS) + "\n";
            case 1 -> "Quest-style Cumulative Results\n" + t.header() + "Comprehensive Metabolic Panel\nCollected "
                    + t.date() + "\nAnalyte | Value | Units | Reference Interval\n" + t.labLines(8, " | ")
                    + "Results flagged H are above the reference interval.\n";
            case 2 -> t.header() + "Your Lab Results\nThese results were released to your portal on " + t.date()
                    + ".\n" + t.labLines(4, "  ") + "Talk to your doctor about what these results mean for you.\n";
            default -> t.header() + "CHEMISTRY\nAccession 24-" + t.random.nextInt(99999) + "\n" + t.labLines(5, "\t")
                    + "Performed at " + t.pick(CLINICS) + " laboratory.\n";
        };
    }

    private static String imaging(ClinicalTexts t) {
        String exam = t.pick(new String[] {"CT abdomen and pelvis with contrast", "MRI lumbar spine without contrast",
            "Chest x-ray, two views", "Ultrasound, right upper quadrant", "Screening mammogram, bilateral"});
        return switch (t.layout(3)) {
            case 0 -> t.header() + "RADIOLOGY REPORT\nExam: " + exam + "\nClinical history: pain\nTechnique: "
                    + "standard protocol.\nComparison: none.\nFindings: No acute abnormality.\nImpression: Normal "
                    + "study.\nElectronically signed by " + t.pick(DOCTORS) + ", radiologist\n";
            case 1 -> "Diagnostic Imaging\n" + t.header() + exam + "\nFINDINGS: The lungs are clear. No effusion.\n"
                    + "IMPRESSION: No acute cardiopulmonary process.\n";
            default -> t.header() + exam.toUpperCase() + "\nIndication: follow-up of known finding.\nThere is no "
                    + "change since the prior study. Impression: stable appearance.\nReading radiologist: "
                    + t.pick(DOCTORS) + "\n";
        };
    }

    private static String visit(ClinicalTexts t) {
        return switch (t.layout(3)) {
            case 0 -> t.header() + "After Visit Summary\nVisit date: " + t.date() + " with " + t.pick(DOCTORS)
                    + "\nReason for visit: cough and fever\nVitals: blood pressure 128/82, pulse 76, temperature "
                    + "37.8 C\nDiagnoses: acute bronchitis\nInstructions: rest and fluids; follow-up in 2 weeks\n"
                    + "Your medications:\n" + t.drugLines(2, false);
            case 1 -> t.header() + "Clinical Summary - Office Visit " + t.date() + "\nChief complaint: knee pain\n"
                    + "Results from today's visit:\n" + t.labLines(2, " ") + "Plan: physiotherapy; next appointment "
                    + t.date() + "\n";
            default -> "Thank you for visiting " + t.pick(CLINICS) + " today.\n" + t.header() + "You saw "
                    + t.pick(DOCTORS) + " on " + t.date() + ". We talked about your blood pressure and your "
                    + "diet. Please book a follow-up appointment in three months.\n";
        };
    }

    private static String discharge(ClinicalTexts t) {
        return switch (t.layout(3)) {
            case 0 -> t.header() + "DISCHARGE SUMMARY\nAdmission date: " + t.date() + "  Discharge date: " + t.date()
                    + "\nAttending: " + t.pick(DOCTORS) + "\nDischarge diagnosis: community-acquired pneumonia\n"
                    + "Hospital course: treated with IV antibiotics, improved.\nDischarge medications:\n"
                    + t.drugLines(3, true) + "Condition at discharge: stable\n";
            case 1 -> "Inpatient Discharge Instructions\n" + t.header() + "You were admitted on " + t.date()
                    + " and discharged on " + t.date() + ".\nTake these medicines:\n" + t.drugLines(2, true)
                    + "Call us if you have a fever over 38.5 C.\n";
            default -> t.header() + "Hospital Stay Summary\nDate of discharge: " + t.date() + "\nYou stayed in "
                    + "the cardiology ward. Your attending doctor was " + t.pick(DOCTORS) + ".\n";
        };
    }

    private static String medications(ClinicalTexts t) {
        return switch (t.layout(3)) {
            case 0 -> t.header() + "Current Medications as of " + t.date() + "\n" + t.drugLines(5, true)
                    + "Pharmacy: Main Street Pharmacy\n";
            case 1 -> "Medication List\n" + t.header() + "Name | Dose | How to take | Prescribed by\n"
                    + t.drugLines(4, true) + "Refills remaining are shown on each label.\n";
            default -> t.header() + "My medicines\n" + t.drugLines(4, false) + "Bring this list to every "
                    + "appointment.\n";
        };
    }

    private static String immunizations(ClinicalTexts t) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            rows.append(t.pick(VACCINES)).append("   ").append(t.date()).append("   Lot ")
                    .append((char) ('A' + t.random.nextInt(26))).append(1000 + t.random.nextInt(9000)).append('\n');
        }
        return switch (t.layout(3)) {
            case 0 -> t.header() + "Immunization Record\nVaccine   Date given   Lot number\n" + rows;
            case 1 -> "STATE IMMUNIZATION REGISTRY - OFFICIAL COPY\n" + t.header() + "Vaccines administered:\n" + rows
                    + "Next dose due: " + t.date() + "\n";
            default -> t.header() + "Vaccination history\n" + rows + "Keep this card for school and travel.\n";
        };
    }

    private static String billing(ClinicalTexts t) {
        String amount = (20 + t.random.nextInt(900)) + "." + (10 + t.random.nextInt(89));
        return switch (t.layout(3)) {
            case 0 -> t.header() + "STATEMENT\nStatement date: " + t.date() + "\nAccount number: "
                    + t.random.nextInt(9999999) + "\nDescription   Charges   Insurance paid   Adjustment\n"
                    + "Office visit   180.00   120.00   20.00\nLipid panel   64.00   40.00   0.00\n"
                    + "Patient responsibility: $" + amount + "\nAmount due: $" + amount + "\n";
            case 1 -> "EXPLANATION OF BENEFITS - THIS IS NOT A BILL\n" + t.header() + "Claim for services on "
                    + t.date() + "\nBilled 250.00  Allowed 180.00  Deductible 50.00  Copay 20.00\n";
            default -> t.header() + "Invoice " + t.random.nextInt(99999) + "\nPlease pay $" + amount + " by "
                    + t.date() + ". Pay online or call billing.\n";
        };
    }

    private static String referral(ClinicalTexts t) {
        String doctor = t.pick(DOCTORS);
        return switch (t.layout(3)) {
            case 0 -> t.pick(CLINICS) + "\n" + t.date() + "\nDear " + doctor + ",\nThank you for seeing "
                    + t.pick(NAMES) + ", whom I am referring for evaluation of persistent headaches. Reason for "
                    + "referral: headaches not responding to treatment.\nCurrent medications:\n" + t.drugLines(2, false)
                    + "Sincerely,\n" + t.pick(DOCTORS) + "\n";
            case 1 -> "REFERRAL\n" + t.header() + "Referred to: Cardiology, " + doctor + "\nReferring provider: "
                    + t.pick(DOCTORS) + "\nUrgency: routine\nDiagnosis: palpitations\n";
            default -> t.header() + "Dear colleague,\nI would be grateful if you could assess this patient for a "
                    + "suspected meniscal tear and advise on further management.\nKind regards,\n" + doctor + "\n";
        };
    }

    private static String insurance(ClinicalTexts t) {
        String plan = t.pick(new String[] {"BlueRiver PPO", "Sunshine Health HMO", "Granite Mutual Choice"});
        return switch (t.layout(3)) {
            case 0 -> plan + "\nMember: " + t.pick(NAMES) + "\nMember ID: XZP" + t.random.nextInt(999999999)
                    + "\nGroup Number: " + t.random.nextInt(99999) + "\nRxBIN 610014  RxPCN MEDDPRIME  RxGRP HEALTH\n"
                    + "PCP copay $25  Specialist $50\nCustomer service 1-800-555-0199\n";
            case 1 -> plan + "\nSubscriber ID " + t.random.nextInt(999999999) + "\nSubscriber: " + t.pick(NAMES)
                    + "\nDependents: 2\nEffective date " + t.date() + "\nIn-network only\n";
            default -> plan + "\nID " + t.random.nextInt(999999999) + "  GRP " + t.random.nextInt(99999) + "\n"
                    + t.pick(NAMES) + "\nPayer ID 87726\n";
        };
    }

    private static String other(ClinicalTexts t) {
        return switch (t.layout(4)) {
            case 0 -> t.header() + "Consent to Treatment\nI agree to receive care at this practice. I understand "
                    + "that I may withdraw this consent at any time by writing to the office.\nSignature: ________\n";
            case 1 -> "Healthy Eating for Your Heart\nEat more vegetables, whole grains and fish. Limit salt to "
                    + "one teaspoon a day. Walk for thirty minutes on most days of the week.\n";
            case 2 -> t.pick(CLINICS) + "\nNotice of Privacy Practices\nThis notice describes how medical "
                    + "information about you may be used and disclosed and how you can get access to it.\n";
            default -> "Patient Registration Form\nName: " + t.pick(NAMES) + "\nAddress: 12 Elm Road\n"
                    + "Emergency contact: ________\nPreferred language: English\n";
        };
    }
}
