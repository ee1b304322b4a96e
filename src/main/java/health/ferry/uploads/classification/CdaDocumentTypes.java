package health.ferry.uploads.classification;

import static health.ferry.uploads.classification.DocumentKind.CCDA_CARE_PLAN;
import static health.ferry.uploads.classification.DocumentKind.CCDA_CCD;
import static health.ferry.uploads.classification.DocumentKind.CCDA_CONSULTATION_NOTE;
import static health.ferry.uploads.classification.DocumentKind.CCDA_DIAGNOSTIC_IMAGING_REPORT;
import static health.ferry.uploads.classification.DocumentKind.CCDA_DISCHARGE_SUMMARY;
import static health.ferry.uploads.classification.DocumentKind.CCDA_HISTORY_AND_PHYSICAL;
import static health.ferry.uploads.classification.DocumentKind.CCDA_OPERATIVE_NOTE;
import static health.ferry.uploads.classification.DocumentKind.CCDA_PROCEDURE_NOTE;
import static health.ferry.uploads.classification.DocumentKind.CCDA_PROGRESS_NOTE;
import static health.ferry.uploads.classification.DocumentKind.CCDA_REFERRAL_NOTE;
import static health.ferry.uploads.classification.DocumentKind.CCDA_TRANSFER_SUMMARY;
import static health.ferry.uploads.classification.DocumentKind.CCDA_UNSTRUCTURED;

import health.ferry.records.RecordCategory;
import java.util.HashMap;
import java.util.Map;

/**
 * C-CDA R2.1 document types by LOINC document code (the value sets' common members) and by document templateId,
 * and section LOINC codes by record category. Older CCD 1.0 / HITSP C32 documents carry 34133-9 too.
 */
final class CdaDocumentTypes {
    private static final String CCDA = "2.16.840.1.113883.10.20.22.1.";
    static final String UNSTRUCTURED_TEMPLATE = CCDA + "10";
    static final String US_REALM_HEADER = CCDA + "1";

    static final Map<String, DocumentKind> BY_CODE = codes();

    static final Map<String, DocumentKind> BY_TEMPLATE = Map.ofEntries(
            Map.entry(CCDA + "2", CCDA_CCD), Map.entry(CCDA + "3", CCDA_HISTORY_AND_PHYSICAL),
            Map.entry(CCDA + "4", CCDA_CONSULTATION_NOTE), Map.entry(CCDA + "5", CCDA_DIAGNOSTIC_IMAGING_REPORT),
            Map.entry(CCDA + "6", CCDA_PROCEDURE_NOTE), Map.entry(CCDA + "7", CCDA_OPERATIVE_NOTE),
            Map.entry(CCDA + "8", CCDA_DISCHARGE_SUMMARY), Map.entry(CCDA + "9", CCDA_PROGRESS_NOTE),
            Map.entry(UNSTRUCTURED_TEMPLATE, CCDA_UNSTRUCTURED), Map.entry(CCDA + "13", CCDA_TRANSFER_SUMMARY),
            Map.entry(CCDA + "14", CCDA_REFERRAL_NOTE), Map.entry(CCDA + "15", CCDA_CARE_PLAN),
            Map.entry("2.16.840.1.113883.10.20.1", CCDA_CCD));

    static final Map<String, RecordCategory> SECTION_CATEGORIES = Map.ofEntries(
            Map.entry("48765-2", RecordCategory.ALLERGIES), Map.entry("10160-0", RecordCategory.MEDICATIONS),
            Map.entry("29549-3", RecordCategory.MEDICATIONS), Map.entry("10183-2", RecordCategory.MEDICATIONS),
            Map.entry("11450-4", RecordCategory.CONDITIONS), Map.entry("11348-0", RecordCategory.CONDITIONS),
            Map.entry("46240-8", RecordCategory.VISITS), Map.entry("11369-6", RecordCategory.IMMUNIZATIONS),
            Map.entry("30954-2", RecordCategory.LAB_RESULTS), Map.entry("8716-3", RecordCategory.VITAL_SIGNS),
            Map.entry("47519-4", RecordCategory.PROCEDURES), Map.entry("29554-3", RecordCategory.PROCEDURES));

    private CdaDocumentTypes() {
    }

    private static Map<String, DocumentKind> codes() {
        Map<String, DocumentKind> codes = new HashMap<>();
        put(codes, CCDA_CCD, "34133-9");
        put(codes, CCDA_CONSULTATION_NOTE, "11488-4", "34099-2", "34100-8", "34101-6", "34102-4", "34104-0",
                "51845-6", "51846-4", "51853-0", "34847-4");
        put(codes, CCDA_DIAGNOSTIC_IMAGING_REPORT, "18748-4");
        put(codes, CCDA_DISCHARGE_SUMMARY, "18842-5", "11490-0", "28655-9", "29761-4", "34105-7", "34106-5",
                "34745-0");
        put(codes, CCDA_HISTORY_AND_PHYSICAL, "34117-2", "11492-6", "28626-0", "34774-0", "34115-6", "34116-4",
                "34095-0", "34096-8", "51849-8");
        put(codes, CCDA_OPERATIVE_NOTE, "11504-8", "34137-0", "28583-3", "28624-5", "34874-8", "34870-6",
                "34868-0", "34818-5");
        put(codes, CCDA_PROCEDURE_NOTE, "28570-0", "11505-5", "18744-3", "18745-0", "18746-8", "18751-8",
                "18753-4", "18836-7", "28577-5", "28625-2", "34121-4");
        put(codes, CCDA_PROGRESS_NOTE, "11506-3", "18733-5", "18762-5", "28569-2", "28617-9", "34900-1",
                "34904-3");
        put(codes, CCDA_REFERRAL_NOTE, "57133-1");
        put(codes, CCDA_TRANSFER_SUMMARY, "18761-7");
        put(codes, CCDA_CARE_PLAN, "52521-2", "18776-5");
        return Map.copyOf(codes);
    }

    private static void put(Map<String, DocumentKind> codes, DocumentKind kind, String... loinc) {
        for (String code : loinc) {
            codes.put(code, kind);
        }
    }
}
