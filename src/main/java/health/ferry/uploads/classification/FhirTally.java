package health.ferry.uploads.classification;

import health.ferry.records.RecordCategory;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;

/** Counts the FHIR resources a reader meets, by type and by record category. */
final class FhirTally {
    private final Map<String, Integer> resources = new TreeMap<>();
    private final Map<RecordCategory, Integer> categories = new EnumMap<>(RecordCategory.class);

    void add(String resourceType, boolean vitalSigns) {
        if (resourceType == null) {
            return;
        }
        resources.merge(resourceType, 1, Integer::sum);
        categories.merge(FhirResourceTypes.category(resourceType, vitalSigns), 1, Integer::sum);
    }

    FhirFacts facts(String rootType, String bundleType, int roots, String problem) {
        return new FhirFacts(rootType, bundleType, roots, Map.copyOf(resources), Map.copyOf(categories), problem);
    }
}
