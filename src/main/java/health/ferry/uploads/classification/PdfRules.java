package health.ferry.uploads.classification;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Classifies a PDF, or an image OCR read, by its text: a PDF without a text layer (and no OCR text) is a scan;
 * otherwise fixed phrases score each report type (a title-like phrase counts three, a supporting word one; each
 * phrase counts once however often it occurs). The evidence names the phrases found and the line each was first
 * found on ("where": line 1 is the title of most letters and reports), the source (PDF text or OCR text) and the score;
 * never the document's own words beyond the rule's fixed phrases.
 */
final class PdfRules {
    /** Fewer letters than this per page: the PDF is an image of paper. */
    private static final int SCAN_LETTERS_PER_PAGE = 15;
    /** Supporting words alone must add up to this before they decide anything. */
    private static final int MIN_WEAK_ONLY = 5;
    private static final int STRONG = 3;
    private static final int LISTED = 4;

    private record Rule(DocumentKind kind, DocumentKind imageKind, List<String> strong, List<String> weak) {
    }

    private record Score(Rule rule, int points, List<String> hits, List<Integer> lines) {
    }

    private static final List<Rule> RULES = List.of(
            new Rule(DocumentKind.PDF_LAB_REPORT, DocumentKind.IMAGE_LAB_REPORT,
                    List.of("laboratory report", "lab report", "reference range", "reference interval", "lab results",
                            "laboratory results", "specimen collected", "test name"),
                    List.of("specimen", "result", "flag", "units", "abnormal", "collected", "reported", "hemoglobin",
                            "glucose", "cholesterol", "panel", "creatinine", "sodium", "potassium", "laboratory",
                            "mg/dl", "g/dl", "mmol/l", "ng/ml")),
            new Rule(DocumentKind.PDF_IMAGING_REPORT, DocumentKind.IMAGE_IMAGING_REPORT,
                    List.of("radiology report", "imaging report", "diagnostic imaging", "impression:", "findings:",
                            "technique:"),
                    List.of("x-ray", "radiograph", "ct scan", "mri", "ultrasound", "mammogram", "contrast",
                            "radiologist", "views", "comparison:")),
            new Rule(DocumentKind.PDF_VISIT_SUMMARY, DocumentKind.IMAGE_VISIT_SUMMARY,
                    List.of("after visit summary", "visit summary", "reason for visit", "clinical summary",
                            "office visit"),
                    List.of("chief complaint", "vitals", "follow-up", "follow up", "appointment", "diagnoses",
                            "instructions", "blood pressure", "today's visit", "visit date")),
            new Rule(DocumentKind.PDF_DISCHARGE_SUMMARY, DocumentKind.IMAGE_DISCHARGE_SUMMARY,
                    List.of("discharge summary", "discharge diagnosis", "hospital course", "discharge instructions",
                            "date of discharge", "discharge date"),
                    List.of("admission date", "admitted", "discharged", "inpatient", "attending",
                            "discharge medications", "condition at discharge")),
            new Rule(DocumentKind.PDF_MEDICATION_LIST, DocumentKind.IMAGE_MEDICATION_LIST,
                    List.of("medication list", "current medications", "list of medications", "medication summary",
                            "prescription history"),
                    List.of("tablet", "capsule", "by mouth", "daily", "refills", "sig:", "pharmacy", "dose",
                            "prescribed")),
            new Rule(DocumentKind.PDF_IMMUNIZATION_RECORD,
                    DocumentKind.IMAGE_IMMUNIZATION_RECORD,
                    List.of("immunization record", "immunization history", "vaccination record", "immunizations",
                            "vaccine administration record"),
                    List.of("vaccine", "lot number", "lot #", "cvx", "influenza", "tdap", "mmr", "hepatitis b",
                            "covid-19", "booster", "dose 1", "dose 2")),
            new Rule(DocumentKind.PDF_BILLING, DocumentKind.IMAGE_BILLING,
                    List.of("amount due", "balance due", "statement date", "explanation of benefits",
                            "patient responsibility", "invoice"),
                    List.of("charges", "payment", "insurance paid", "adjustment", "total due", "account number",
                            "billing", "copay", "deductible")),
            new Rule(DocumentKind.PDF_REFERRAL_LETTER, DocumentKind.IMAGE_REFERRAL_LETTER,
                    List.of("referral letter", "letter of referral", "reason for referral", "referring physician",
                            "referring provider", "thank you for seeing", "referral to", "referred to"),
                    List.of("referral", "dear dr", "sincerely", "specialist", "evaluate", "consultation",
                            "kindly", "further management", "referring")),
            new Rule(DocumentKind.PDF_INSURANCE_CARD, DocumentKind.IMAGE_INSURANCE_CARD,
                    List.of("member id", "member number", "group number", "group no", "subscriber id", "rxbin",
                            "rx bin", "rxpcn", "insurance card", "payer id"),
                    List.of("subscriber", "member", "health plan", "rxgrp", "pcp", "copay", "ppo", "hmo",
                            "effective date", "dependents", "network", "customer service")));

    private PdfRules() {
    }

    /** A PDF by its own text layer. */
    static Classification classify(String text, int pages) {
        return classify(text, pages, false, false);
    }

    /**
     * A PDF ({@code image} false) or an image by {@code text}; {@code ocr}: the text (or part of it) was read by OCR,
     * which the evidence says. A PDF with too few letters per page is a scan; an image with too few letters, just an
     * image (null: the caller keeps its own kind).
     */
    static Classification classify(String text, int pages, boolean image, boolean ocr) {
        long letters = text.chars().filter(Character::isLetter).count();
        if (letters < (long) SCAN_LETTERS_PER_PAGE * Math.max(1, pages)) {
            return image ? null : Classification.of(DocumentKind.PDF_SCANNED, 0.8,
                    "PDF with " + pages + " page(s) and no text layer (" + letters + " letters)");
        }
        String source = ocr ? "OCR text" : "PDF text";
        String lower = text.toLowerCase(Locale.ROOT);
        List<Score> scores = new ArrayList<>();
        for (Rule rule : RULES) {
            scores.add(score(rule, lower));
        }
        scores.sort((a, b) -> Integer.compare(b.points(), a.points()));
        Score best = scores.get(0);
        if (best.points() < STRONG || (best.points() < MIN_WEAK_ONLY && !hasStrong(best))) {
            return image ? null : Classification.of(DocumentKind.PDF_OTHER, 0.4, source + " matches no report rule");
        }
        double confidence = Math.min(0.85, 0.35 + 0.06 * best.points());
        if (scores.get(1).points() * 10 >= best.points() * 7) {
            confidence -= 0.15;
        }
        if (ocr) {
            confidence -= 0.05; // OCR misreads words: the same phrases are a little less sure
        }
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < best.hits().size() && shown.size() < LISTED; i++) {
            shown.add("\"" + best.hits().get(i) + "\" (line " + best.lines().get(i) + ")");
        }
        DocumentKind kind = image ? best.rule().imageKind() : best.rule().kind();
        return Classification.of(kind, confidence, source + ": " + String.join(", ", shown) + " (score "
                + best.points() + ")");
    }

    private static boolean hasStrong(Score score) {
        return score.hits().stream().anyMatch(score.rule().strong()::contains);
    }

    private static Score score(Rule rule, String text) {
        List<String> hits = new ArrayList<>();
        List<Integer> lines = new ArrayList<>();
        int points = 0;
        for (String phrase : rule.strong()) {
            int at = text.indexOf(phrase);
            if (at >= 0) {
                hits.add(phrase);
                lines.add(lineOf(text, at));
                points += STRONG;
            }
        }
        for (String word : rule.weak()) {
            int at = text.indexOf(word);
            if (at >= 0) {
                hits.add(word);
                lines.add(lineOf(text, at));
                points++;
            }
        }
        return new Score(rule, points, hits, lines);
    }

    /** The 1-based number of the non-blank line holding {@code offset}: blank lines (page breaks) are not counted. */
    private static int lineOf(String text, int offset) {
        int line = 1;
        boolean content = false;
        for (int i = 0; i < offset; i++) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (content) {
                    line++;
                }
                content = false;
            } else if (!Character.isWhitespace(c)) {
                content = true;
            }
        }
        return line;
    }
}
