package health.ferry.connections;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of connections: one message and one next step per failure (namespace {@code conn}). */
@MessageBundle("conn")
public interface ConnectionMessages {
    @Message("The portal did not accept the username or password.")
    String failure_credential_error();

    @Message("Update your sign-in details. If you are not sure what they are, use \"I don't know my credentials\" to "
            + "open the portal's own website, where you can recover them.")
    String remedy_credential_error();

    @Message("The portal sent a one-time code to confirm it is you.")
    String failure_two_factor_required();

    @Message("Enter the code the portal sent you. If the portal cannot send codes to Ferry, turn two-step sign-in "
            + "off in the portal's settings, connect here, then turn it back on.")
    String remedy_two_factor_required();

    @Message("This portal sign-in gives access to more than one person's records (a family account).")
    String failure_multiple_profiles();

    @Message("Choose whose records to connect. We have selected the profile that matches the person you are "
            + "connecting; check it and confirm.")
    String remedy_multiple_profiles();

    @Message("The portal wants you to accept its updated terms before anyone can sign in.")
    String failure_terms_acceptance_required();

    @Message("Open the portal, sign in and accept its terms, then come back and choose \"I've done it — check "
            + "again\".")
    String remedy_terms_acceptance_required();

    @Message("The portal requires you to change your password.")
    String failure_password_change_required();

    @Message("Open the portal and change your password there, then come back, update your sign-in details and "
            + "choose \"check again\".")
    String remedy_password_change_required();

    @Message("The portal has locked this account, usually after several unsuccessful sign-ins.")
    String failure_account_locked();

    @Message("Unlock your account on the portal's website or by calling its help line, then try again here.")
    String remedy_account_locked();

    @Message("Access was not granted at the portal.")
    String failure_authorization_declined();

    @Message("Start again and choose \"Allow\" at the portal to share your records with Ferry.")
    String remedy_authorization_declined();

    @Message("Ferry's access to this portal has ended or was withdrawn. The records you already received are kept.")
    String failure_reconnect_required();

    @Message("Reconnect to let new records come in again.")
    String remedy_reconnect_required();

    @Message("There have been too many unsuccessful attempts to connect this portal.")
    String failure_too_many_attempts();

    @Message("Ferry has paused signing in to this portal for a while, so the portal does not lock your account. Check "
            + "your sign-in details meanwhile; once the pause is over, try again.")
    String remedy_too_many_attempts();

    @Message("You can try again after {time}.")
    String retry_at(String time);

    @Message("The pause is over: you can try again now.")
    String retry_open();

    @Message("Try again")
    String retry_now();

    @Message("The portal is not answering right now. This is not something you did.")
    String failure_portal_unavailable();

    @Message("Ferry keeps trying automatically. You can also try again later.")
    String remedy_portal_unavailable();

    @Message("Ferry cannot connect to this portal.")
    String failure_portal_not_supported();

    @Message("If your study allows it, upload the records file your portal lets you download instead (Supporting "
            + "Documents).")
    String remedy_portal_not_supported();

    @Message("This portal's connection is not set up correctly. Ferry's team has been told.")
    String failure_portal_setup_error();

    @Message("This is not something you did. Once Ferry's team has fixed it, you can start again.")
    String remedy_portal_setup_error();

    @Message("The records this portal shared are for someone else than the person you are connecting.")
    String failure_patient_mismatch();

    @Message("Check the name and birth date below. Connect only if these are this person's records; otherwise "
            + "cancel, then sign in to the portal with this person's own account.")
    String remedy_patient_mismatch();

    @Message("The portal shared the records of {name}{#if birthDate}, born {birthDate}{/if}.")
    String patient_shared(String name, String birthDate);

    @Message("Yes, connect these records to {person}")
    String patient_confirm(String person);

    @Message("No, cancel")
    String patient_cancel();

    @Message("You can upload your records instead.")
    String setup_upload_instead();

    @Message("We are adding this portal to Ferry. This usually takes up to two business days.")
    String failure_portal_pending();

    @Message("We will let you know when it is ready. If your study allows it, you can upload your records file "
            + "meanwhile (Supporting Documents).")
    String remedy_portal_pending();

    // ---- pages
    @Message("Portal connections for {name}")
    String list_title(String name);

    @Message("{name} has no portal connections yet.")
    String list_empty(String name);

    @Message("Connect a patient portal")
    String connect_button();

    @Message("Find {name}'s patient portal")
    String search_title(String name);

    @Message("Search by")
    String search_by();

    @Message("Hospital, clinic or office")
    String by_organization();

    @Message("Doctor's name")
    String by_doctor();

    @Message("Portal website address")
    String by_website();

    @Message("Name or address")
    String search_query();

    @Message("For a website, paste the address of the page where you sign in; Ferry finds the portal from it.")
    String search_hint();

    @Message("Search")
    String search_button();

    @Message("No portal matches \"{query}\".")
    String search_none(String query);

    @Message("{count} portals found")
    String search_count(long count);

    @Message("1 portal found")
    String search_count_one();

    @Message("Connect {portal}")
    String connect_portal(String portal);

    @Message("My portal isn't listed")
    String request_title();

    @Message("Tell us the portal's website address or its name, and we will add it, usually within two business days.")
    String request_intro();

    @Message("Portal website or name")
    String request_field();

    @Message("Request this portal")
    String request_button();

    @Message("Connect {portal} for {name}")
    String connect_title(String portal, String name);

    @Message("Sign in with the username and password you use at {portal}. Ferry stores them encrypted and uses them "
            + "only to fetch records.")
    String credentials_intro(String portal);

    @Message("Username")
    String username();

    @Message("Password")
    String password();

    @Message("Connect")
    String connect();

    @Message("I don't know my credentials")
    String dont_know();

    @Message("{portal} lets you sign in at the portal itself; Ferry never sees your password. You will come back "
            + "here afterwards.")
    String smart_intro(String portal);

    @Message("Continue to {portal}")
    String smart_continue(String portal);

    @Message("Connected")
    String status_connected();

    @Message("Checking with the portal…")
    String status_validating();

    @Message("Waiting for you at the portal")
    String status_authorizing();

    @Message("Needs your attention")
    String status_action_required();

    @Message("Portal not answering")
    String status_failed();

    @Message("Portal being added")
    String status_pending_portal();

    @Message("Portal not supported")
    String status_not_supported();

    @Message("Disconnected")
    String status_disconnected();

    @Message("This page updates by itself.")
    String live_hint();

    @Message("What to do")
    String next_step();

    @Message("Update sign-in details")
    String update_credentials();

    @Message("One-time code")
    String code();

    @Message("Send code")
    String send_code();

    @Message("Whose records should Ferry connect?")
    String profile_question();

    @Message("(matches {name})")
    String profile_suggested(String name);

    @Message("Connect this profile")
    String profile_confirm();

    @Message("Open {portal}")
    String open_portal(String portal);

    @Message("I've done it — check again")
    String recheck();

    @Message("Reconnect")
    String reconnect();

    @Message("Start again")
    String start_again();

    @Message("Did not get back here from {portal}, or chose not to share? You can start again at any time.")
    String start_again_hint(String portal);

    @Message("Try again")
    String try_again();

    @Message("Disconnect")
    String disconnect();

    @Message("Disconnecting stops new records from {portal}. Records already accepted stay.")
    String disconnect_note(String portal);

    @Message("Upload records instead (Supporting Documents)")
    String supporting_documents_offer();

    @Message("Back to connections")
    String back();

    @Message("Records from this portal")
    String sync_title();

    @Message("Last sync brought {count} new or updated records. They wait for you under Records.")
    String sync_new(String count);

    @Message("No sync yet. Records arrive weekly, or now if you ask.")
    String sync_never();

    @Message("Connected. Fetching your first records from the portal now…")
    String sync_first();

    @Message("Fetching your records from the portal… {count} so far.")
    String sync_running_count(String count);

    @Message("Review your records")
    String sync_review();

    @Message("Checking your new sign-in details with {portal}… Your connection keeps working meanwhile.")
    String update_checking(String portal);

    @Message("Your new sign-in details were not saved, and your connection keeps working with the details it had. {portal} said:")
    String update_refused(String portal);

    @Message("Changed your password at {portal}? Enter the new sign-in details here. Ferry tries them first: your connection keeps working with the old ones until {portal} accepts the new ones.")
    String update_intro(String portal);

    @Message("Already connected")
    String already_connected();

    @Message("Uses {vendor}")
    String portal_vendor(String vendor);

    @Message("This portal is already connected and working. Connecting it again is not needed: sync now to fetch new records, or update the sign-in details if you changed your password at {portal}.")
    String already_connected_note(String portal);

    @Message("Open this connection")
    String open_connection();

    @Message("Back to the search")
    String back_to_search();

    @Message("Connected. The last sync found nothing new.")
    String sync_nothing_new();

    @Message("The last sync could not finish; Ferry will try again.")
    String sync_failed();

    @Message("The portal did not answer during the last sync. This is not something you did: Ferry will try again "
            + "later, waiting a little longer each time.")
    String sync_portal_unavailable();

    @Message("Next weekly sync: {date}.")
    String sync_next(String date);

    @Message("Your access through this portal ends on {date}. Reconnect to keep receiving records.")
    String access_ending(String date);

    @Message("Records from this portal still waiting for your review:")
    String disconnect_pending_question();

    @Message("Keep them, so I can still review them")
    String disconnect_keep_pending();

    @Message("Delete them")
    String disconnect_delete_pending();

    @Message("Sync now")
    String sync_now();

    @Message("That code was not accepted. Check the newest code the portal sent you and type it again.")
    String again_wrong_code();

    @Message("We checked again just now: {portal} still asks for the same thing, so nothing has changed yet.")
    String again_same(String portal);
}
