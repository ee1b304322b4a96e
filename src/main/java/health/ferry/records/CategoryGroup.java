package health.ferry.records;

import io.quarkus.qute.i18n.MessageBundles;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Records of one category for the pages, with the category's label, in the contract's category order. */
public record CategoryGroup(String code, String label, List<RecordView> records) {
    static List<CategoryGroup> of(List<RecordView> records) {
        Map<RecordCategory, List<RecordView>> by = new EnumMap<>(RecordCategory.class);
        for (RecordView r : records) {
            by.computeIfAbsent(RecordCategory.fromCode(r.category()).orElse(RecordCategory.OTHER),
                    c -> new ArrayList<>()).add(r);
        }
        List<CategoryGroup> groups = new ArrayList<>();
        by.forEach((c, list) -> groups.add(new CategoryGroup(c.code(), label(c), list)));
        return groups;
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
            case OTHER -> m.category_other();
        };
    }
}
