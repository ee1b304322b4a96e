package health.ferry.records;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Accepted records by date, newest first, grouped by year and month; records without a date come last. */
public record Timeline(List<Year> years, List<RecordView> undated, Map<java.util.UUID, List<String>> sources) {
    /** One year's months, newest first. */
    public record Year(int year, List<Month> months) {
    }

    /** One month's records, newest first; {@code name} is the month's English name. */
    public record Month(String name, List<RecordView> records) {
    }

    static Timeline of(List<RecordView> records, Map<java.util.UUID, List<String>> sources) {
        List<RecordView> dated = records.stream().filter(r -> r.date() != null)
                .sorted(Comparator.comparing(RecordView::date).reversed().thenComparing(RecordView::display,
                        Comparator.nullsLast(Comparator.naturalOrder())))
                .toList();
        Map<Integer, Map<YearMonth, List<RecordView>>> byYear = new LinkedHashMap<>();
        for (RecordView r : dated) {
            byYear.computeIfAbsent(r.date().getYear(), y -> new LinkedHashMap<>())
                    .computeIfAbsent(YearMonth.from(r.date()), m -> new ArrayList<>()).add(r);
        }
        List<Year> years = new ArrayList<>();
        byYear.forEach((year, months) -> years.add(new Year(year, months.entrySet().stream()
                .map(e -> new Month(e.getKey().getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH),
                        e.getValue())).toList())));
        return new Timeline(years, records.stream().filter(r -> r.date() == null).toList(), sources);
    }

    /** Where a record came from, in plain words (its portals and uploads), oldest first. */
    public List<String> sourcesOf(RecordView r) {
        return sources.getOrDefault(r.id(), List.of());
    }

    public boolean isEmpty() {
        return years.isEmpty() && undated.isEmpty();
    }
}
