package health.ferry.uploads.classification;

import health.ferry.records.RecordCategory;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Collectors;

/** Classifies read FHIR content: NDJSON, Bundle or single resource, filed under the category most resources share. */
final class FhirRules {
    private static final int LISTED_TYPES = 4;

    private FhirRules() {
    }

    /** Null when the content named no FHIR resource type at all. */
    static Classification classify(FhirFacts facts) {
        if (facts.rootType() == null) {
            return null;
        }
        DocumentKind kind;
        String evidence;
        if (facts.roots() > 1) {
            kind = DocumentKind.FHIR_NDJSON;
            evidence = "FHIR NDJSON, " + facts.roots() + " lines: " + counts(facts);
        } else if (facts.rootType().equals("Bundle")) {
            kind = DocumentKind.FHIR_BUNDLE;
            evidence = "FHIR Bundle" + (facts.bundleType() == null ? "" : " (" + facts.bundleType() + ")") + " with "
                    + total(facts) + " resources: " + counts(facts);
        } else {
            kind = DocumentKind.FHIR_RESOURCE;
            evidence = "FHIR resourceType " + facts.rootType();
        }
        Classification result = new Classification(kind, category(facts), 0.95, evidence, null);
        return facts.problem() == null ? result : result.withEvidence(facts.problem(), 0.45);
    }

    /** The category most resources share, "other" ones aside unless nothing else is there. */
    private static RecordCategory category(FhirFacts facts) {
        return facts.categories().entrySet().stream().filter(e -> e.getKey() != RecordCategory.OTHER)
                .max(Map.Entry.<RecordCategory, Integer>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                .map(Map.Entry::getKey).orElse(RecordCategory.OTHER);
    }

    private static int total(FhirFacts facts) {
        return facts.resources().values().stream().mapToInt(Integer::intValue).sum();
    }

    private static String counts(FhirFacts facts) {
        if (facts.resources().isEmpty()) {
            return "none read";
        }
        return facts.resources().entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(LISTED_TYPES).map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", "));
    }
}
