package health.ferry.records;

import io.quarkus.qute.TemplateExtension;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates on the participant's record pages as people write them: "12 Mar 2024", not 2024-03-12. */
final class RecordFormats {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private RecordFormats() {
    }

    /** "12 Mar 2024"; empty for no date. */
    @TemplateExtension
    static String readable(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }
}
