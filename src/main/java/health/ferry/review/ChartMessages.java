package health.ferry.review;

import io.quarkus.qute.i18n.Message;
import io.quarkus.qute.i18n.MessageBundle;

/** Text around the dashboard's charts and their drill-down (namespace {@code charts}). */
@MessageBundle("charts")
public interface ChartMessages {
    @Message("Show the numbers as a table")
    String show_table();

    @Message("Choose a bar, or a row of the table, to see the participants behind it.")
    String chart_hint();

    @Message("{#if count == 1}1 participant{#else}{count} participants{/if} (by study pseudonym)")
    String behind_count(int count);

    @Message("Nobody is behind this bar.")
    String behind_empty();

    @Message("Back to the dashboard")
    String back_to_dashboard();
}
