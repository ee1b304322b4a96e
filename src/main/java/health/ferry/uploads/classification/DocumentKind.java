package health.ferry.uploads.classification;

import health.ferry.records.RecordCategory;
import java.util.Locale;

/** The document kinds of the API contract, each with the record category it falls in unless its content says more. */
public enum DocumentKind {
    CCDA_CCD(RecordCategory.DOCUMENTS),
    CCDA_DISCHARGE_SUMMARY(RecordCategory.VISITS),
    CCDA_HISTORY_AND_PHYSICAL(RecordCategory.VISITS),
    CCDA_PROGRESS_NOTE(RecordCategory.VISITS),
    CCDA_CONSULTATION_NOTE(RecordCategory.VISITS),
    CCDA_REFERRAL_NOTE(RecordCategory.VISITS),
    CCDA_TRANSFER_SUMMARY(RecordCategory.VISITS),
    CCDA_OPERATIVE_NOTE(RecordCategory.PROCEDURES),
    CCDA_PROCEDURE_NOTE(RecordCategory.PROCEDURES),
    CCDA_DIAGNOSTIC_IMAGING_REPORT(RecordCategory.LAB_RESULTS),
    CCDA_CARE_PLAN(RecordCategory.DOCUMENTS),
    CCDA_UNSTRUCTURED(RecordCategory.DOCUMENTS),
    CDA_OTHER(RecordCategory.DOCUMENTS),
    XDM_METADATA(RecordCategory.OTHER),
    PACKAGE_INDEX(RecordCategory.OTHER),
    STYLESHEET(RecordCategory.OTHER),
    FHIR_BUNDLE(RecordCategory.DOCUMENTS),
    FHIR_RESOURCE(RecordCategory.OTHER),
    FHIR_NDJSON(RecordCategory.DOCUMENTS),
    PDF_LAB_REPORT(RecordCategory.LAB_RESULTS),
    PDF_IMAGING_REPORT(RecordCategory.LAB_RESULTS),
    PDF_VISIT_SUMMARY(RecordCategory.VISITS),
    PDF_DISCHARGE_SUMMARY(RecordCategory.VISITS),
    PDF_MEDICATION_LIST(RecordCategory.MEDICATIONS),
    PDF_IMMUNIZATION_RECORD(RecordCategory.IMMUNIZATIONS),
    PDF_BILLING(RecordCategory.OTHER),
    PDF_REFERRAL_LETTER(RecordCategory.VISITS),
    PDF_INSURANCE_CARD(RecordCategory.OTHER),
    PDF_OTHER(RecordCategory.DOCUMENTS),
    PDF_SCANNED(RecordCategory.DOCUMENTS),
    IMAGE(RecordCategory.DOCUMENTS),
    IMAGE_LAB_REPORT(RecordCategory.LAB_RESULTS),
    IMAGE_IMAGING_REPORT(RecordCategory.LAB_RESULTS),
    IMAGE_VISIT_SUMMARY(RecordCategory.VISITS),
    IMAGE_DISCHARGE_SUMMARY(RecordCategory.VISITS),
    IMAGE_MEDICATION_LIST(RecordCategory.MEDICATIONS),
    IMAGE_IMMUNIZATION_RECORD(RecordCategory.IMMUNIZATIONS),
    IMAGE_BILLING(RecordCategory.OTHER),
    IMAGE_REFERRAL_LETTER(RecordCategory.VISITS),
    IMAGE_INSURANCE_CARD(RecordCategory.OTHER),
    DICOM(RecordCategory.DOCUMENTS),
    OFFICE_DOCUMENT(RecordCategory.DOCUMENTS),
    HTML(RecordCategory.DOCUMENTS),
    TEXT(RecordCategory.DOCUMENTS),
    NESTED_ARCHIVE(RecordCategory.OTHER),
    ENCRYPTED_DOCUMENT(RecordCategory.OTHER),
    OTHER(RecordCategory.OTHER);

    private final RecordCategory category;

    DocumentKind(RecordCategory category) {
        this.category = category;
    }

    /** The kebab-case wire value of the contract, e.g. {@code ccda-discharge-summary}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The category a document of this kind belongs to when nothing more specific is known. */
    public RecordCategory category() {
        return category;
    }
}
