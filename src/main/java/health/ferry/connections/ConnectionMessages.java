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

    @Message("Wait 15 minutes before trying again, so the portal does not lock your account.")
    String remedy_too_many_attempts();

    @Message("The portal is not answering right now. This is not something you did.")
    String failure_portal_unavailable();

    @Message("Ferry keeps trying automatically. You can also try again later.")
    String remedy_portal_unavailable();

    @Message("Ferry cannot connect to this portal.")
    String failure_portal_not_supported();

    @Message("If your study allows it, upload the records file your portal lets you download instead (Supporting "
            + "Documents).")
    String remedy_portal_not_supported();

    @Message("We are adding this portal to Ferry. This usually takes up to two business days.")
    String failure_portal_pending();

    @Message("We will let you know when it is ready. If your study allows it, you can upload your records file "
            + "meanwhile (Supporting Documents).")
    String remedy_portal_pending();
}
