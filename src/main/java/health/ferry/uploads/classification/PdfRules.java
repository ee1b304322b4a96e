package health.ferry.uploads.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Classifies a PDF by its extracted text: no text layer means a scan; otherwise fixed phrases score each report
 * type (a title-like phrase counts three, a supporting word one; each phrase counts once however often it occurs).
 */
final class PdfRules {
    /** Fewer letters than this per page: the PDF is an image of paper. */
    private static final int SCAN_LETTERS_PER_PAGE = 15;
    /** Supporting words alone must add up to this before they decide anything. */
    private static final int MIN_WEAK_ONLY = 5;
    private static final int STRONG = 3;
    private static final int LISTED = 4;

    private record Rule(DocumentKind kind, List<String> strong, List<String> weak) {
    }

    private record Score(Rule rule, int points, List<String> hits) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(DocumentKind.PDF_LAB_REPORT,
                    List.of("laboratory report", "lab report", "reference range", "reference interval", "lab results",
                            "laboratory results", "specimen collected", "test name"),
                    List.of("specimen", "result", "flag", "units", "abnormal", "collected", "reported", "hemoglobin",
                            "glucose", "cholesterol", "panel", "creatinine", "sodium", "potassium", "laboratory",
                            "mg/dl", "g/dl", "mmol/l", "ng/ml")),
            new Rule(DocumentKind.PDF_IMAGING_REPORT,
                    List.of("radiology report", "imaging report", "diagnostic imaging", "impression:", "findings:",
                            "technique:"),
                    List.of("x-ray", "radiograph", "ct scan", "mri", "ultrasound", "mammogram", "contrast",
                            "radiologist", "views", "comparison:")),
            new Rule(DocumentKind.PDF_VISIT_SUMMARY,
                    List.of("after visit summary", "visit summary", "reason for visit", "clinical summary",
                            "office visit"),
                    List.of("chief complaint", "vitals", "follow-up", "follow up", "appointment", "diagnoses",
                            "instructions", "blood pressure", "today's visit", "visit date")),
            new Rule(DocumentKind.PDF_DISCHARGE_SUMMARY,
                    List.of("discharge summary", "discharge diagnosis", "hospital course", "discharge instructions",
                            "date of discharge", "discharge date"),
                    List.of("admission date", "admitted", "discharged", "inpatient", "attending",
                            "discharge medications", "condition at discharge")),
            new Rule(DocumentKind.PDF_MEDICATION_LIST,
                    List.of("medication list", "current medications", "list of medications", "medication summary",
                            "prescription history"),
                    List.of("tablet", "capsule", "by mouth", "daily", "refills", "sig:", "pharmacy", "dose",
                            "prescribed")),
            new Rule(DocumentKind.PDF_IMMUNIZATION_RECORD,
                    List.of("immunization record", "immunization history", "vaccination record", "immunizations",
                            "vaccine administration record"),
                    List.of("vaccine", "lot number", "lot #", "cvx", "influenza", "tdap", "mmr", "hepatitis b",
                            "covid-19", "booster", "dose 1", "dose 2")),
            new Rule(DocumentKind.PDF_BILLING,
                    List.of("amount due", "balance due", "statement date", "explanation of benefits",
                            "patient responsibility", "invoice"),
                    List.of("charges", "payment", "insurance paid", "adjustment", "total due", "account number",
                            "billing", "copay", "deductible")));

    private PdfRules() {
    }

    static Classification classify(String text, int pages) {
        long letters = text.chars().filter(Character::isLetter).count();
        if (letters < (long) SCAN_LETTERS_PER_PAGE * Math.max(1, pages)) {
            return Classification.of(DocumentKind.PDF_SCANNED, 0.8,
                    "PDF with " + pages + " page(s) and no text layer (" + letters + " letters)");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<Score> scores = new ArrayList<>();
        for (Rule rule : RULES) {
            scores.add(score(rule, lower));
        }
        scores.sort((a, b) -> Integer.compare(b.points(), a.points()));
        Score best = scores.get(0);
        if (best.points() < STRONG || (best.points() < MIN_WEAK_ONLY && !hasStrong(best))) {
            return Classification.of(DocumentKind.PDF_OTHER, 0.4, "PDF text matches no report rule");
        }
        double confidence = Math.min(0.85, 0.35 + 0.06 * best.points());
        if (scores.get(1).points() * 10 >= best.points() * 7) {
            confidence -= 0.15;
        }
        return Classification.of(best.rule().kind(), confidence, "PDF text: " + best.hits().stream().limit(LISTED)
                .map(h -> "\"" + h + "\"").collect(Collectors.joining(", ")) + " (score " + best.points() + ")");
    }

    private static boolean hasStrong(Score score) {
        return score.hits().stream().anyMatch(score.rule().strong()::contains);
    }

    private static Score score(Rule rule, String text) {
        List<String> hits = new ArrayList<>();
        int points = 0;
        for (String phrase : rule.strong()) {
            if (text.contains(phrase)) {
                hits.add(phrase);
                points += STRONG;
            }
        }
        for (String word : rule.weak()) {
            if (text.contains(word)) {
                hits.add(word);
                points++;
            }
        }
        return new Score(rule, points, hits);
    }
}
