package health.ferry.uploads;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the coordinator's pages (namespace {@code coord}). */
@MessageBundle("coord")
public interface CoordinatorMessages {
    @Message("Review queue: {study}")
    String queue_title(String study);

    @Message("{#when status}{#is 'new'}New{#is 'in_review'}In review{#is 'done'}Done{#else}{status}{/when}")
    String review_status(String status);

    @Message("{#when status}{#is 'new'}New{#is 'in_review'}In review{#is 'done'}Done{#else}{status}{/when} ({count})")
    String tab(String status, long count);

    @Message("Kind")
    String kind();

    @Message("Category")
    String category();

    @Message("Any")
    String any();

    @Message("Filter")
    String filter();

    @Message("No packages here.")
    String empty();

    @Message("Participant")
    String participant();

    @Message("Received")
    String received();

    @Message("Documents")
    String documents();

    @Message("Decided")
    String decided();

    @Message("Open")
    String open();

    @Message("Package from {participant}")
    String package_title(String participant);

    @Message("Back to the queue")
    String back_to_queue();

    @Message("Document")
    String document();

    @Message("Confidence")
    String confidence();

    @Message("Evidence")
    String evidence();

    @Message("Size")
    String size();

    @Message("Pages")
    String pages();

    @Message("Decision")
    String decision();

    @Message("{#when decision}{#is 'accepted'}Accepted{#is 'rejected'}Rejected{#else}Not decided{/when}")
    String decision_label(String decision);

    @Message("Accept")
    String accept();

    @Message("Reject")
    String reject();

    @Message("Reason (the participant reads it)")
    String reason();

    @Message("Keep as classified")
    String keep();

    @Message("Save decision")
    String save();

    @Message("Select")
    String select();

    @Message("Decide on the selected documents, or on every undecided one when none is selected")
    String bulk_title();

    @Message("Apply")
    String apply();

    @Message("View text and preview")
    String view_document();

    @Message("Download original")
    String download();

    @Message("Extracted text")
    String text();

    @Message("The text is shortened.")
    String text_truncated();

    @Message("No text was extracted.")
    String no_text();

    @Message("Preview")
    String preview();

    @Message("No preview for this type of file; download it to look at it.")
    String no_preview();

    @Message("Back to the package")
    String back_to_package();

    @Message("Dashboard: {study}")
    String dashboard_title(String study);

    @Message("{#when chart}{#is 'funnel'}Funnel{#is 'connections'}Connections by status{#is 'failures'}Connection "
            + "failures by code{#is 'uploads'}Uploads by status{#is 'records'}Records received per week (from Monday)"
            + "{#else}{chart}{/when}")
    String chart(String chart);

    @Message("{#when label}{#is 'enrolled'}Enrolled{#is 'searched'}Searched for a portal{#is 'attempted'}Tried to "
            + "connect{#is 'connected'}Connected{#is 'uploads'}Uploads{#is 'accepted'}Uploads accepted{#else}{label}"
            + "{/when}")
    String bar(String label);

    @Message("Number")
    String number();

    @Message("Nothing yet.")
    String no_data();

    @Message("Participants who need help")
    String need_help();

    @Message("Nobody needs help right now.")
    String nobody_needs_help();

    @Message("{#when reason}{#is 'connection_failing'}Connection failing for over a week{#is 'upload_rejected'}"
            + "Upload rejected and not sent again{#else}{reason}{/when}")
    String help_reason(String reason);

    @Message("Since")
    String since();

    @Message("Message (appears in their notices, at most 300 characters)")
    String message_label();

    @Message("Send")
    String send();

    @Message("Message sent to {participant}.")
    String sent(String participant);

    @Message("Export accepted records (FHIR NDJSON)")
    String export_records();

    @Message("Export accepted documents (ZIP with manifest)")
    String export_documents();

    @Message("Review queue")
    String queue_link();

    @Message("Dashboard")
    String dashboard_link();
}
