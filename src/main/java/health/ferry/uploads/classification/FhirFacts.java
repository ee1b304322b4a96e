package health.ferry.uploads.classification;

import health.ferry.records.RecordCategory;
import java.util.Map;

/**
 * What a streaming read of FHIR content found.
 *
 * @param rootType   resourceType of the first top-level object, or null when there was none
 * @param bundleType Bundle.type when the root is a Bundle
 * @param roots      number of top-level objects (more than one: NDJSON)
 * @param resources  resources counted by type: the root's own, or a Bundle's entries, or every NDJSON line
 * @param categories the same resources by record category
 * @param problem    why reading stopped early, or null
 */
record FhirFacts(String rootType, String bundleType, int roots, Map<String, Integer> resources,
        Map<RecordCategory, Integer> categories, String problem) {
}
