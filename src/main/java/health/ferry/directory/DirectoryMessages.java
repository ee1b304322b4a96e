package health.ferry.directory;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the directory admin page (namespace {@code directory}). */
@MessageBundle("directory")
public interface DirectoryMessages {
    @Message("Portal directory")
    String admin_title();

    @Message("Portals participants asked for")
    String pending_title();

    @Message("No requests are waiting for a decision.")
    String pending_none();

    @Message("Portal")
    String column_portal();

    @Message("Website")
    String column_website();

    @Message("Asked for")
    String column_requested();

    @Message("Decision")
    String column_decision();

    @Message("Supported")
    String mark_supported();

    @Message("Not supported")
    String mark_not_supported();

    @Message("Portals whose connection is not set up correctly")
    String setup_title();

    @Message("The portal refused Ferry's registration (client id, authentication, scopes) or its SMART configuration "
            + "could not be used. Participants were told that Ferry's team knows; fix the registration, then mark it "
            + "fixed. The portal's own description is shown as it sent it (cleaned and shortened).")
    String setup_intro();

    @Message("No portal set-up problems.")
    String setup_none();

    @Message("The portal gave no description.")
    String setup_no_description();

    @Message("{count} {count == 1 ? 'time' : 'times'}, first {first}, last {last}")
    String setup_seen(int count, String first, String last);

    @Message("Mark fixed")
    String setup_mark_fixed();

    @Message("Error")
    String column_error();

    @Message("What the portal said")
    String column_description();

    @Message("Seen")
    String column_seen();

    @Message("Fixed?")
    String column_fixed();

    @Message("Import a portal list")
    String import_title();

    @Message("A FHIR Endpoint bundle or a SMART user-access brands bundle (JSON). Importing the same list again "
            + "updates it in place.")
    String import_intro();

    @Message("List file")
    String import_file();

    @Message("EHR vendor, if the addresses do not tell (optional)")
    String import_vendor();

    @Message("Import")
    String import_button();

    @Message("{source}: {created} created, {updated} updated, {unchanged} unchanged, {skipped} entries skipped.")
    String import_done(String source, int created, int updated, int unchanged, int skipped);

    @Message("{source} was not imported: {error}")
    String import_failed(String source, String error);

    @Message("Choose a list file to import.")
    String import_no_file();
}
