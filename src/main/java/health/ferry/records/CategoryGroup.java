package health.ferry.records;

import io.quarkus.qute.i18n.MessageBundles;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Records of one category for the pages, with the category's label, in the contract's category order: a bounded
 * part of the category ({@code records}) out of {@code total}. The group the page opened is paged ({@code page} of
 * {@code pages}); the others show their first few records and a link to open them.
 */
public record CategoryGroup(String code, String label, String state, List<RecordView> records, long total,
        boolean open, int page, int pages, Map<UUID, List<String>> sources) {
    /** Records shown for a category the page did not open. */
    static final int SHOWN = 10;
    /** Records per page of the category the page opened. */
    static final int OPEN_SIZE = 50;

    /**
     * The person's categories with records in that state: {@code open} (a category code, or null) shows its page
     * {@code page} (from 0) of {@value #OPEN_SIZE} records, every other category its first {@value #SHOWN}.
     */
    static List<CategoryGroup> of(RecordReview review, UUID person, String state, String open, int page) {
        Map<String, Long> counts = review.counts(person, state);
        List<CategoryGroup> groups = new ArrayList<>();
        for (RecordCategory c : RecordCategory.values()) {
            long total = counts.getOrDefault(c.code(), 0L);
            if (total == 0) {
                continue;
            }
            boolean opened = c.code().equals(open);
            int size = opened ? OPEN_SIZE : SHOWN;
            int pages = (int) ((total + size - 1) / size);
            int p = opened ? Math.min(Math.max(page, 0), pages - 1) : 0;
            List<RecordView> views = review.views(person, state, c.code(), p, size);
            groups.add(new CategoryGroup(c.code(), label(c), state, views, total, opened, p, pages,
                    review.sources(views)));
        }
        return groups;
    }

    /** Where a record on the page came from, in plain words (its portals and uploads), oldest first. */
    public List<String> sourcesOf(RecordView r) {
        return sources.getOrDefault(r.id(), List.of());
    }

    /** Records of this category not on the page (a "show more" link opens the category). */
    public long hidden() {
        return total - records.size();
    }

    /** Whether the category is cut short and not opened: then it links to its first full page. */
    public boolean more() {
        return !open && hidden() > 0;
    }

    public int previous() {
        return page - 1;
    }

    /** The next page's index, which is also this page's number counted from 1. */
    public int next() {
        return page + 1;
    }

    public boolean hasPrevious() {
        return open && page > 0;
    }

    public boolean hasNext() {
        return open && page + 1 < pages;
    }

    /** The link to page {@code p} of this category (the anchor brings the browser back to the group). */
    public String link(int p) {
        return "/records?state=" + state + "&category=" + code + "&page=" + p + "#" + state + "-" + code;
    }

    static String label(RecordCategory c) {
        RecordMessages m = MessageBundles.get(RecordMessages.class);
        return switch (c) {
            case CONDITIONS -> m.category_conditions();
            case MEDICATIONS -> m.category_medications();
            case ALLERGIES -> m.category_allergies();
            case IMMUNIZATIONS -> m.category_immunizations();
            case LAB_RESULTS -> m.category_lab_results();
            case VITAL_SIGNS -> m.category_vital_signs();
            case PROCEDURES -> m.category_procedures();
            case VISITS -> m.category_visits();
            case DOCUMENTS -> m.category_documents();
            case INSURANCE_CLAIMS -> m.category_insurance_claims();
            case DEMOGRAPHICS -> m.category_demographics();
            case OTHER -> m.category_other();
        };
    }
}
