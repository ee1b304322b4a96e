package health.ferry.studies;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the study pages (namespace {@code study}). */
@MessageBundle("study")
public interface StudyMessages {
    @Message("Studies")
    String list_title();

    @Message("Studies {name} can join. Read what each asks for, then enrol with consent.")
    String list_intro(String name);

    @Message("{name} is enrolled")
    String enrolled_badge(String name);

    @Message("Read more about {title}")
    String read_more(String title);

    @Message("What this study asks for")
    String asks_for();

    @Message("Connects to patient portals")
    String portal_connections();

    @Message("Accepts uploaded records when a portal cannot be connected")
    String supporting_documents();

    @Message("Record types requested")
    String requested_categories();

    @Message("Consent (version {version})")
    String consent_title(String version);

    @Message("Enrol {name}")
    String enrol_title(String name);

    @Message("I have read the consent above and agree, for {name}, to take part in this study.")
    String agree(String name);

    @Message("Enrol")
    String enrol_button();

    @Message("{name} is enrolled in this study (consent version {version}, given {at}).")
    String enrolled_text(String name, String version, String at);

    @Message("Withdraw {name} from this study")
    String withdraw_button(String name);

    @Message("{name} leaves the study: it receives nothing new from now on. Are you sure?")
    String withdraw_confirm(String name);

    @Message("{name} withdrew from this study on {at}. You can enrol again at any time.")
    String withdrawn_text(String name, String at);

    @Message("Studies you coordinate")
    String coordinator_title();

    @Message("You do not coordinate any study yet. Ask an administrator to add your username to a study definition.")
    String coordinator_none();

    @Message("{count} enrolled")
    String coordinator_enrolled(long count);

    @Message("Review queue")
    String coordinator_queue();

    @Message("Dashboard")
    String coordinator_dashboard();

    @Message("What {name} shares with this study")
    String share_title(String name);

    @Message("Choose which kinds of records the study receives. It can only receive kinds it asks for, and only "
            + "records you have accepted.")
    String share_intro();

    @Message("Save what is shared")
    String share_button();

    @Message("Turning a kind of record off stops it flowing to the study at once. Copies the study has already "
            + "exported cannot be recalled.")
    String share_off_note();

    @Message("The study last exported {name}'s records on {at}: copies it exported until then cannot be recalled.")
    String share_last_export(String name, String at);

    @Message("Nothing is shared with the study at the moment.")
    String share_nothing();

    @Message("The study's consent has changed (now version {version})")
    String reconsent_title(String version);

    @Message("{name} consented to version {old}. Until you read the new consent above and accept it, nothing new "
            + "is shared with the study.")
    String reconsent_text(String name, String old);

    @Message("I have read the new consent above and agree, for {name}, to keep taking part.")
    String reconsent_agree(String name);

    @Message("Accept the new consent")
    String reconsent_button();

    @Message("For children and wards")
    String for_children();

    @Message("This study is for children")
    String children_only_title();

    @Message("Only a child or a ward can take part, so you cannot enrol yourself. To enrol your child, add them "
            + "to your account if they are not there yet, then choose them under \"Acting for\" and come back to "
            + "this page.")
    String children_only();

    @Message("Add a child or ward")
    String children_add();
}
