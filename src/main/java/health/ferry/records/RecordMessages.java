package health.ferry.records;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text of the records pages (namespace {@code rec}). */
@MessageBundle("rec")
public interface RecordMessages {
    @Message("Records for {name}")
    String title(String name);

    @Message("Waiting for your review")
    String pending_title();

    @Message("These records arrived from {name}'s portals. Everything is selected: unselect what should not go to "
            + "your studies, then add or delete the selection. \"Done\" leaves the rest waiting here.")
    String pending_intro(String name);

    @Message("No records are waiting for review.")
    String pending_empty();

    @Message("Kept for your studies")
    String accepted_title();

    @Message("No records have been kept yet. Records from connected portals and uploads wait above for your review.")
    String accepted_empty();

    @Message("Select all")
    String select_all();

    @Message("Select none")
    String select_none();

    @Message("Add selected")
    String add_selected();

    @Message("Delete selected")
    String delete_selected();

    @Message("The selected records are deleted for good: they cannot be brought back. Are you sure?")
    String delete_confirm();

    @Message("Saved.")
    String settings_saved();

    @Message("Done")
    String done();

    @Message("Choose what to import")
    String settings_link();

    @Message("What to import for {name}")
    String settings_title(String name);

    @Message("Record categories to import from connected portals")
    String settings_categories();

    @Message("Email me when new records arrive")
    String settings_email();

    @Message("{count} records added, {deleted} deleted.")
    String decided(int count, int deleted);

    @Message("All {total} records of this category, also those not shown here")
    String whole_category(long total);

    @Message("Show {count} more")
    String show_more(long count);

    @Message("Previous page")
    String previous_page();

    @Message("Next page")
    String next_page();

    @Message("Page {page} of {pages}")
    String page_of(int page, int pages);

    @Message("no date")
    String no_date();

    @Message("Conditions")
    String category_conditions();

    @Message("Medications")
    String category_medications();

    @Message("Allergies")
    String category_allergies();

    @Message("Immunizations")
    String category_immunizations();

    @Message("Lab results")
    String category_lab_results();

    @Message("Vital signs")
    String category_vital_signs();

    @Message("Procedures")
    String category_procedures();

    @Message("Visits")
    String category_visits();

    @Message("Documents")
    String category_documents();

    @Message("Other records")
    String category_other();

    @Message("Insurance and claims")
    String category_insurance_claims();

    @Message("Personal details (name, birth date, contact details)")
    String category_demographics();

    @Message("Timeline of {name}'s records")
    String timeline_title(String name);

    @Message("Timeline")
    String timeline_link();

    @Message("By category")
    String by_category_link();

    @Message("No date")
    String timeline_undated();

    @Message("{count} selected")
    String selection_count(String count);

    @Message("Delete {count} {count == 1 ? 'record' : 'records'} for good?")
    String delete_confirm_title(int count);

    @Message("Delete {count} {count == 1 ? 'record' : 'records'}")
    String delete_confirm_button(int count);

    @Message("No, keep them")
    String delete_keep();

    @Message("Nothing was selected, so nothing changed.")
    String nothing_selected();

    @Message("Every category is switched off: nothing will be imported from connected portals. Switch on the "
            + "categories your studies need to import records again.")
    String settings_none_on();

    @Message("From")
    String sources_title();

    @Message("the portal of {portal}")
    String source_portal(String portal);

    @Message("a portal")
    String source_unknown_portal();

    @Message("an upload of {day}")
    String source_unknown_file(String day);

    @Message("the upload {file} of {day}")
    String source_upload(String file, String day);

    @Message("{entry} in the upload {file} of {day}")
    String source_upload_entry(String file, String entry, String day);

    @Message("{name}'s lab results and vital signs over time")
    String measurements_title(String name);

    @Message("One chart per test, from every source: portals and lab reports from uploads. The shaded band is the "
            + "normal range the lab gave, where it gave one.")
    String measurements_intro();

    @Message("Normal range: {#if low && high}{low} to {high} {unit}{#else if low}{low} {unit} or more{#else}up to "
            + "{high} {unit}{/if}")
    String measurement_range(String low, String high, String unit);

    /** The same range in the table's own "Normal range" column. */
    @Message("{#if low && high}{low} to {high} {unit}{#else if low}{low} {unit} or more{#else}up to {high} {unit}{/if}")
    String measurement_between(String low, String high, String unit);

    @Message("{#if count == 1}1 value{#else}{count} values{/if}, latest {value} {unit} on {day}")
    String measurement_latest(int count, String value, String unit, String day);

    @Message("Show the values as a table")
    String measurement_table();

    @Message("Date")
    String measurement_date();

    @Message("Value")
    String measurement_value();

    @Message("Normal range")
    String measurement_normal();

    @Message("not given")
    String measurement_no_range();
}
