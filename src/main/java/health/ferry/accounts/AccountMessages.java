package health.ferry.accounts;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the account pages (namespace {@code account}). */
@MessageBundle("account")
public interface AccountMessages {
    @Message("Your account")
    String title();

    @Message("Signed in as {username}")
    String username(String username);

    @Message("People you act for")
    String people_title();

    @Message("You can act for yourself and for children or wards you are the parent, guardian or representative of.")
    String people_intro();

    @Message("Name")
    String col_name();

    @Message("Date of birth")
    String col_birth_date();

    @Message("Relationship")
    String col_relationship();

    @Message("Actions")
    String col_actions();

    @Message("Yourself")
    String rel_self();

    @Message("Child")
    String rel_child();

    @Message("Ward")
    String rel_ward();

    @Message("Edit")
    String edit();

    @Message("Edit {name}")
    String edit_label(String name);

    @Message("Remove")
    String remove();

    @Message("Remove {name}")
    String remove_label(String name);

    @Message("Add a child or ward")
    String add();

    @Message("Not given")
    String not_given();

    @Message("Add a child or ward")
    String form_add_title();

    @Message("Edit details")
    String form_edit_title();

    @Message("Please correct the marked details.")
    String form_errors();

    @Message("Full name")
    String form_name();

    @Message("As it appears in their patient portal, so Ferry can match their records.")
    String form_name_hint();

    @Message("Date of birth")
    String form_birth_date();

    @Message("Relationship to you")
    String form_relationship();

    @Message("My child")
    String form_rel_child();

    @Message("Someone I am legal guardian or representative of")
    String form_rel_ward();

    @Message("I confirm that I am this person's parent, legal guardian or authorised representative, and may share "
            + "their health records on their behalf.")
    String form_attest();

    @Message("Save")
    String form_save();

    @Message("Cancel")
    String form_cancel();

    @Message("Remove {name} from your account?")
    String remove_title(String name);

    @Message("You will no longer be able to act for {name}. Their consent history is kept, as studies require.")
    String remove_text(String name);

    @Message("Yes, remove")
    String remove_confirm();

    @Message("Who looked at our data")
    String access_log();
}
