package health.ferry.review;

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

    @Message("Decide on several documents")
    String bulk_title();

    @Message("Apply to the selected documents")
    String apply();

    @Message("Accept or reject every undecided document…")
    String apply_undecided();

    @Message("Tick the documents below, choose a decision, then apply it; or decide every undecided document at "
            + "once (you confirm first).")
    String bulk_hint();

    @Message("{#when why}{#is 'choose'}Choose Accept or Reject first. Nothing was changed.{#is 'nothing_selected'}"
            + "No document is selected: tick the documents first. Nothing was changed.{#else}Nothing was changed."
            + "{/when}")
    String bulk_refused(String why);

    @Message("{#when decision}{#is 'accepted'}Accept{#else}Reject{/when} {count} undecided {#if count == 1}document"
            + "{#else}documents{/if}?")
    String confirm_title(String decision, long count);

    @Message("Every document of this package not yet decided gets this decision. Documents already decided keep "
            + "theirs.")
    String confirm_hint();

    @Message("{#when decision}{#is 'accepted'}Yes, accept{#else}Yes, reject{/when} {count}")
    String confirm_yes(String decision, long count);

    @Message("Cancel")
    String cancel();

    @Message("Every document of this package is already decided.")
    String nothing_undecided();

    @Message("Details")
    String details();

    @Message("{#if count == 1}1 page{#else}{count} pages{/if}")
    String pages_count(int count);

    @Message("{#when level}{#is 'high'}High{#is 'medium'}Medium{#is 'low'}Low{#else}Not known{/when}")
    String confidence_level(String level);

    @Message("Decided by")
    String decided_by();

    @Message("Change the classification")
    String reclassify();

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
            + "failures by reason{#is 'uploads'}Uploads by status{#is 'records'}Records received per week (from Monday)"
            + "{#else}{chart}{/when}")
    String chart(String chart);

    /** Funnel steps, connection statuses and failure codes in plain words; never the code itself. */
    @Message("{#when label}{#is 'enrolled'}Enrolled{#is 'searched'}Searched for a portal{#is 'attempted'}Tried to "
            + "connect{#is 'connected'}Connected{#is 'uploads'}Uploads{#is 'accepted'}Uploads accepted"
            + "{#is 'authorizing'}Signing in at the portal{#is 'validating'}Checking the sign-in"
            + "{#is 'pending_portal'}Waiting for Ferry to support the portal{#is 'not_supported'}Portal not supported"
            + "{#is 'action_required'}Waiting for the participant to act{#is 'failed'}Failed"
            + "{#is 'disconnected'}Disconnected{#is 'credential_error'}Wrong username or password"
            + "{#is 'two_factor_required'}Needs a one-time code{#is 'multiple_profiles'}Has to choose a profile"
            + "{#is 'terms_acceptance_required'}Has to accept the portal's terms"
            + "{#is 'password_change_required'}Has to change the portal password"
            + "{#is 'account_locked'}Portal account locked{#is 'authorization_declined'}Declined access at the portal"
            + "{#is 'reconnect_required'}Has to connect again{#is 'too_many_attempts'}Too many sign-in attempts "
            + "(locked out for now){#is 'portal_unavailable'}Portal unavailable"
            + "{#is 'portal_not_supported'}Portal not supported{#is 'portal_pending'}Portal waiting for support"
            + "{#is 'portal_setup_error'}Portal connection not set up correctly (Ferry's team told)"
            + "{#is 'patient_mismatch'}Portal records for another person (asked to confirm)"
            + "{#else}Other{/when}")
    String bar(String label);

    @Message("Week of {monday}")
    String week(String monday);

    @Message("Number")
    String number();

    @Message("Nothing yet.")
    String no_data();

    @Message("Participants who need help")
    String need_help();

    @Message("Nobody needs help right now.")
    String nobody_needs_help();

    @Message("{#when reason}{#is 'connection_failing'}Connection failing for over a week{#is 'upload_rejected'}"
            + "Upload rejected and not sent again{#is 'locked_out'}Locked out of their portal (too many sign-in "
            + "attempts, or the portal locked the account){#is 'reconnect_needed'}Their portal access ended: they "
            + "need to connect again{#is 'no_data'}Connected a week ago or more, but the study has no records from "
            + "them yet{#is 'upload_refused'}Upload refused before review (for example an "
            + "encrypted or damaged archive) and not sent again{#else}Needs help{/when}")
    String help_reason(String reason);

    @Message("{#when reason}{#is 'connection_failing'}Tell them to open Ferry's Connections page and follow "
            + "\"What to do next\" there; if the portal is down, nothing is needed: Ferry tries again."
            + "{#is 'upload_rejected'}Tell them why the upload was rejected and what to send instead; the "
            + "Supporting Documents page takes a new upload.{#is 'locked_out'}Tell them to unlock their account "
            + "at the portal (its \"forgot password\" or help desk), or wait until Ferry's sign-in pause ends, "
            + "then choose \"I've done it — check again\" on the connection's page.{#is 'reconnect_needed'}"
            + "Tell them to open the connection in Ferry and choose Reconnect, then sign in at their portal again."
            + "{#is 'no_data'}Tell them to review the records waiting on Ferry's Records page and add those the "
            + "study asks for; if the list is empty, their portal may hold nothing the study needs."
            + "{#is 'upload_refused'}Tell them the file could not be opened (a password-protected or damaged "
            + "archive) and to upload an unprotected copy.{#else}Ask them what went wrong.{/when}")
    String help_advice(String reason);

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

    @Message("Page {page} of {name}")
    String preview_page(int page, String name);

    @Message("The first {count} pages are shown here; download the document to read the rest.")
    String preview_more(int count);
}
