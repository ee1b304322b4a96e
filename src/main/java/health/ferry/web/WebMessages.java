package health.ferry.web;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the shell, the home pages and errors (namespace {@code msg}). Feature pages have their own bundles. */
@MessageBundle("msg")
public interface WebMessages {
    @Message("Ferry")
    String app_name();

    @Message("Skip to main content")
    String skip_to_content();

    @Message("Main navigation")
    String nav_label();

    @Message("Home")
    String nav_home();

    @Message("Studies")
    String nav_studies();

    @Message("Connections")
    String nav_connections();

    @Message("Records")
    String nav_records();

    @Message("Supporting Documents")
    String nav_supporting_documents();

    @Message("Account")
    String nav_account();

    @Message("My studies to coordinate")
    String nav_coordinator();

    @Message("Portal directory")
    String nav_directory();

    @Message("Sign out")
    String sign_out();

    @Message("Sign in")
    String sign_in();

    @Message("Acting for")
    String acting_for();

    @Message("Switch")
    String acting_switch();

    @Message("{name} (you)")
    String acting_self(String name);

    @Message("Signed in as {name}")
    String signed_in_as(String name);

    @Message("Ferry carries your health records from your patient portals into the research studies you join.")
    String landing_lead();

    @Message("You decide what goes: every record waits for your review before a study sees it, and you can act for "
            + "your children or the people you are guardian of.")
    String landing_more();

    @Message("Demo people (development only)")
    String landing_demo_title();

    @Message("Sign in, then choose one of these on the login page:")
    String landing_demo_intro();

    @Message("Welcome, {name}")
    String home_title(String name);

    @Message("You are acting for {name}. Everything you do here is for them.")
    String home_acting(String name);

    @Message("You are acting for yourself. To act for a child or ward, choose them under \"Acting for\".")
    String home_acting_self();

    @Message("Studies {name} is enrolled in")
    String home_enrolments(String name);

    @Message("{name} is not enrolled in any study yet.")
    String home_no_enrolments(String name);

    @Message("Browse studies")
    String home_browse_studies();

    @Message("What to do next")
    String home_next();

    @Message("Join a study, then connect the patient portal where {name}'s records are.")
    String home_next_text(String name);


    @Message("You have been signed out.")
    String signed_out_title();

    @Message("Sign in again")
    String signed_out_again();

    @Message("Something went wrong")
    String error_title();

    @Message("Go to the home page")
    String error_home();

    @Message("Reference: {id}")
    String error_reference(String id);

    // One plain-language title per Outcome (looked up by Outcome.messageKey(); a test checks each exists).
    @Message("Some details need correcting")
    String outcome_validation_failed();

    @Message("The request could not be read")
    String outcome_malformed_request();

    @Message("Please sign in")
    String outcome_not_authenticated();

    @Message("You cannot do that here")
    String outcome_forbidden();

    @Message("Not found")
    String outcome_not_found();

    @Message("That conflicts with the current state")
    String outcome_conflict();

    @Message("That type of content is not accepted here")
    String outcome_unsupported_media_type();

    @Message("Your own profile stays on your account")
    String outcome_self_person_not_removable();

    @Message("This person is still enrolled in a study")
    String outcome_person_has_enrolments();

    @Message("Confirm you may act for this person")
    String outcome_authority_not_attested();

    @Message("Already enrolled")
    String outcome_already_enrolled();

    @Message("Already connected")
    String outcome_already_connected();

    @Message("Uploads are paused")
    String outcome_uploads_paused();

    @Message("The consent has changed")
    String outcome_consent_version_mismatch();

    @Message("Not enrolled in this study")
    String outcome_not_enrolled();

    @Message("Someone else changed this at the same time")
    String outcome_concurrent_change();

    @Message("Someone else has decided on this document in the meantime")
    String outcome_already_decided();

    @Message("Please confirm the study's question first")
    String outcome_prerequisite_not_confirmed();

    @Message("This study does not accept uploaded documents")
    String outcome_supporting_documents_disabled();

    @Message("The upload is too large")
    String outcome_too_large();

    @Message("These files were already uploaded")
    String outcome_already_uploaded();

    @Message("This request key was already used for other files")
    String outcome_idempotency_key_reused();

    @Message("Too many uploads today")
    String outcome_quota_exceeded();

    @Message("This is not a ZIP archive")
    String outcome_not_an_archive();

    @Message("Too many requests for now")
    String outcome_rate_limited();

    @Message("This account acts for as many people as it can")
    String outcome_people_limit_reached();

    @Message("This portal is already listed")
    String outcome_portal_already_listed();

    @Message("Something went wrong on our side")
    String outcome_internal_error();

    @Message("Ferry is briefly unavailable")
    String outcome_service_unavailable();
}
