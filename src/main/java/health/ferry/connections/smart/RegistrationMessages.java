package health.ferry.connections.smart;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of Ferry's client registrations on the admin directory page and in the API's errors (namespace {@code reg}). */
@MessageBundle("reg")
public interface RegistrationMessages {
    @Message("Ferry's registrations at portals")
    String section_title();

    @Message("When a portal or an EHR vendor registered Ferry as a confidential client, enter what it gave Ferry here. "
            + "A portal's own registration comes first, then its EHR vendor's, then the server's configuration; "
            + "portals with none of these treat Ferry as a public client. Secrets are stored encrypted and never "
            + "shown again.")
    String section_intro();

    @Message("Nothing is registered here yet: every portal uses the server's configuration or treats Ferry as a public "
            + "client.")
    String none();

    @Message("Applies to")
    String column_applies();

    @Message("Client id")
    String column_client();

    @Message("How Ferry signs in")
    String column_method();

    @Message("Changed")
    String column_changed();

    @Message("Remove")
    String column_remove();

    @Message("the portal {name}")
    String applies_portal(String name);

    @Message("every portal on {vendor}")
    String applies_brand(String vendor);

    @Message("Public client (no secret)")
    String method_public();

    @Message("Client secret (HTTP Basic)")
    String method_secret();

    @Message("Signed with Ferry's key {kid}")
    String method_key(String kid);

    @Message("Signed with one of Ferry's keys")
    String method_key_any();

    @Message("Remove the registration")
    String remove();

    @Message("Add or replace a registration")
    String form_title();

    @Message("For one portal (its id from the directory)")
    String scope_portal();

    @Message("For every portal of an EHR vendor (e.g. epic, oracle-cerner)")
    String scope_brand();

    @Message("Portal id")
    String label_portal();

    @Message("EHR vendor")
    String label_brand();

    @Message("Client id")
    String label_client();

    @Message("How Ferry signs in")
    String label_method();

    @Message("Client secret")
    String label_secret();

    @Message("Write-only. When replacing a registration that already has a secret, leave it empty to keep it.")
    String hint_secret();

    @Message("Ferry's signing key")
    String label_key();

    @Message("Only for a signed client assertion.")
    String hint_key();

    @Message("No key")
    String key_none();

    @Message("Save the registration")
    String save();

    @Message("Ferry's signing keys: {keys}. Portals fetch them from {url}.")
    String keys_line(String keys, String url);

    @Message("Ferry holds no signing keys yet (ferry.jwks.keys): only public clients and client secrets can be used.")
    String keys_none();

    @Message("retired")
    String key_retired();

    @Message("Saved.")
    String saved();

    @Message("Removed.")
    String removed();

    @Message("The registration was not saved. Please correct what is marked.")
    String not_saved();

    @Message("Back to the portal directory")
    String back();

    @Message("Enter the client id the portal gave Ferry.")
    String error_client_missing();

    @Message("Use at most 255 characters, without line breaks.")
    String error_client_long();

    @Message("Choose how Ferry signs in: as a public client, with a client secret, or with one of Ferry's keys.")
    String error_method();

    @Message("Enter the client secret the portal gave Ferry.")
    String error_secret_missing();

    @Message("Use at most 1000 characters.")
    String error_secret_long();

    @Message("Only a registration that signs in with a client secret has a secret.")
    String error_secret_unused();

    @Message("Choose one of Ferry's current signing keys.")
    String error_key_missing();

    @Message("Ferry holds no current signing key with this kid.")
    String error_key_unknown();

    @Message("Only a registration that signs with one of Ferry's keys names a key.")
    String error_key_unused();

    @Message("An EHR vendor is 1 to 32 lower-case letters, digits or hyphens, e.g. epic.")
    String error_brand();

    @Message("Choose whether the registration is for one portal or for an EHR vendor.")
    String error_scope();

    @Message("There is no portal with this id in the directory.")
    String error_portal();
}
