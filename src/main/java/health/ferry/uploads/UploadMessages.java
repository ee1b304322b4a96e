package health.ferry.uploads;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the Supporting Documents pages (namespace {@code upload}). */
@MessageBundle("upload")
public interface UploadMessages {
    @Message("Supporting Documents for {name}")
    String title(String name);

    @Message("If a patient portal cannot be connected, a study may accept the records file the portal lets you "
            + "download instead: the .zip file, a folder, or the files themselves. Every document waits for review "
            + "before the study sees it.")
    String intro();

    @Message("{name} is not enrolled in a study that accepts Supporting Documents.")
    String no_study(String name);

    @Message("Browse studies")
    String browse_studies();

    @Message("First, please confirm for {name}")
    String prerequisite_title(String name);

    @Message("Yes, this is true")
    String prerequisite_confirm();

    @Message("Confirmed for {name}. Choose what to upload; up to {size} in one upload.")
    String upload_intro(String name, String size);

    @Message("A .zip file from your portal")
    String choose_zip();

    @Message("A folder")
    String choose_folder();

    @Message("Several files")
    String choose_files();

    @Message("Or drag a .zip file, a folder or files here.")
    String drop_hint();

    @Message("{count} files ready to upload")
    String dropped(String count);

    @Message("Upload")
    String upload_button();

    @Message("Sending")
    String sending();

    @Message("Reading the documents")
    String reading();

    @Message("Choose a .zip file, a folder or some files first.")
    String nothing_chosen();

    @Message("The upload did not go through. Please check your connection and try again.")
    String send_failed();

    @Message("Uploads are paused for a while")
    String paused_title();

    @Message("Ferry cannot read documents at the moment, so it is not taking new uploads: they would only wait unread. Nothing you uploaded before is lost. Please come back later; the people who run Ferry have been told.")
    String paused_text();

    @Message("Uploading is paused for now (see above).")
    String paused_study();

    @Message("This file is {size}; this study accepts up to {limit} in one upload. Nothing was sent.")
    String too_large_file(String size, String limit);

    @Message("These files come to {size}; this study accepts up to {limit} in one upload. Nothing was sent.")
    String too_large_files(String size, String limit);

    @Message("See the documents")
    String see_documents();

    @Message("You can leave this page: the upload continues, and My data below shows it.")
    String can_leave();

    @Message("You can leave this page: the upload continues, and the Supporting Documents page lists it.")
    String can_leave_listed();

    @Message("My data")
    String my_data();

    @Message("{name} has no uploads yet.")
    String no_uploads(String name);

    @Message("{first}{#if more > 0} and {more} more{/if}")
    String files_summary(String first, int more);

    @Message("Received {at}")
    String received_at(String at);

    @Message("Fetched by Ferry from your patient portal (documents attached to your records there), not sent by you.")
    String from_portal();

    @Message("{done} of {total} documents read")
    String progress(int done, int total);

    @Message("Documents")
    String documents();

    @Message("Document")
    String document();

    @Message("Kind")
    String kind_column();

    @Message("Category")
    String category_column();

    @Message("Size")
    String size_column();

    @Message("Left out")
    String skipped();

    @Message("Records")
    String records_column();

    @Message("{count} {count == 1 ? 'record' : 'records'} for review")
    String records_extracted(int count);

    @Message("Some entries could not be read: {note}")
    String records_note(String note);

    @Message("The package's description (METADATA.XML) does not match its files")
    String warnings();

    @Message("{#when code}{#is 'xdm_size_mismatch'}its size differs from the size the package declares"
            + "{#is 'xdm_hash_mismatch'}its content differs from the checksum the package declares"
            + "{#is 'xdm_listed_missing'}it lists a document that is not in the upload"
            + "{#is 'xdm_unlisted'}it is in the package folder but not listed in the description"
            + "{#is 'xdm_metadata_unreadable'}the description could not be read completely{#else}{code}{/when}")
    String warning(String code);

    @Message("Back to Supporting Documents")
    String back();

    @Message("Upload for {study}")
    String upload_title(String study);

    @Message("{#when code}{#is 'received'}Received{#is 'processing'}Being read{#is 'ready_for_review'}Ready for "
            + "review{#is 'accepted'}Accepted{#is 'rejected'}Not accepted{#is 'failed'}Could not be read{#else}"
            + "{code}{/when}")
    String status(String code);

    @Message("{#when code}{#is 'system_file'}a file your computer adds by itself{#is 'empty_file'}an empty file"
            + "{#else}{code}{/when}")
    String skip_reason(String code);

    @Message("{#when code}{#is 'conditions'}Conditions{#is 'medications'}Medications{#is 'allergies'}Allergies"
            + "{#is 'immunizations'}Immunizations{#is 'lab_results'}Lab results{#is 'vital_signs'}Vital signs"
            + "{#is 'procedures'}Procedures{#is 'visits'}Visits{#is 'documents'}Documents{#else}Other{/when}")
    String category(String code);

    @Message("{#when code}{#is 'ccda-ccd'}Continuity of care document{#is 'ccda-discharge-summary'}Discharge summary"
            + "{#is 'ccda-history-and-physical'}History and physical{#is 'ccda-progress-note'}Progress note"
            + "{#is 'ccda-consultation-note'}Consultation note{#is 'ccda-referral-note'}Referral note"
            + "{#is 'ccda-transfer-summary'}Transfer summary{#is 'ccda-operative-note'}Operative note"
            + "{#is 'ccda-procedure-note'}Procedure note{#is 'ccda-diagnostic-imaging-report'}Imaging report"
            + "{#is 'ccda-care-plan'}Care plan{#is 'ccda-unstructured'}Clinical document (scanned or attached)"
            + "{#is 'cda-other'}Clinical document{#is 'xdm-metadata'}Package description (XDM)"
            + "{#is 'package-index'}Package index{#is 'stylesheet'}Stylesheet{#is 'fhir-bundle'}FHIR records"
            + "{#is 'fhir-resource'}FHIR record{#is 'fhir-ndjson'}FHIR records (bulk){#is 'pdf-lab-report'}Lab report "
            + "(PDF){#is 'pdf-imaging-report'}Imaging report (PDF){#is 'pdf-visit-summary'}Visit summary (PDF)"
            + "{#is 'pdf-discharge-summary'}Discharge summary (PDF){#is 'pdf-medication-list'}Medication list (PDF)"
            + "{#is 'pdf-immunization-record'}Immunization record (PDF){#is 'pdf-billing'}Bill or statement (PDF)"
            + "{#is 'pdf-referral-letter'}Referral letter (PDF)"
            + "{#is 'pdf-insurance-card'}Insurance card (PDF){#is 'image-lab-report'}Lab report (image)"
            + "{#is 'image-imaging-report'}Imaging report (image){#is 'image-visit-summary'}Visit summary (image)"
            + "{#is 'image-discharge-summary'}Discharge summary (image){#is 'image-medication-list'}Medication list "
            + "(image){#is 'image-immunization-record'}Immunization record (image){#is 'image-billing'}Bill or "
            + "statement (image){#is 'image-referral-letter'}Referral letter (image){#is 'image-insurance-card'}"
            + "Insurance card (image){#is 'pdf-other'}PDF document{#is 'pdf-scanned'}Scanned PDF{#is 'image'}Image{#is 'dicom'}Medical image "
            + "(DICOM){#is 'office-document'}Office document{#is 'html'}Web page{#is 'text'}Text"
            + "{#is 'nested-archive'}Archive inside the upload (kept closed){#is 'encrypted-document'}"
            + "Password-protected document{#is 'other'}Other file{#else}Not classified yet{/when}")
    String kind(String code);

    @Message("Review")
    String review_column();

    @Message("{#when decision}{#is 'accepted'}Accepted{#is 'rejected'}Not accepted{#else}Waiting for review{/when}")
    String decision(String decision);

    @Message("The study could not use this upload. Please read the reasons above and send what they ask for.")
    String rejected_by_review();

    @Message("Upload again")
    String upload_again();
}
