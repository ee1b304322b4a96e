package health.ferry.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DiagnosticReport;
import org.hl7.fhir.r4.model.DocumentReference;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * Searches one patient's chart: filters by the query, orders by last update (then id) so paging is stable, and
 * answers a searchset Bundle page whose {@code self}, {@code next} and {@code previous} links stay on the FHIR base.
 */
final class FhirSearch {
    private static final Comparator<Resource> ORDER = Comparator
            .comparing((Resource r) -> r.getMeta().getLastUpdated()).thenComparing(Resource::getIdPart);

    private FhirSearch() {
    }

    static Bundle page(String type, PatientRecords records, FhirQuery query, String fhirBase) {
        List<Resource> matches = records.ofType(type).stream().filter(r -> matches(r, query)).sorted(ORDER).toList();
        int from = Math.min(query.offset(), matches.size());
        int to = Math.min(from + query.count(), matches.size());
        Bundle bundle = new Bundle().setType(Bundle.BundleType.SEARCHSET).setTotal(matches.size());
        bundle.addLink().setRelation("self").setUrl(link(fhirBase, type, query, query.offset()));
        if (to < matches.size()) {
            bundle.addLink().setRelation("next").setUrl(link(fhirBase, type, query, to));
        }
        if (from > 0) {
            bundle.addLink().setRelation("previous").setUrl(link(fhirBase, type, query,
                    Math.max(0, from - query.count())));
        }
        for (Resource r : matches.subList(from, to)) {
            bundle.addEntry().setFullUrl(fhirBase + "/" + type + "/" + r.getIdPart()).setResource(r)
                    .getSearch().setMode(Bundle.SearchEntryMode.MATCH);
        }
        return bundle;
    }

    static boolean matches(Resource r, FhirQuery query) {
        if (query.id() != null && !query.id().equals(r.getIdPart())) {
            return false;
        }
        if (!query.lastUpdated().stream().allMatch(b -> b.matches(r.getMeta().getLastUpdated().toInstant()))) {
            return false;
        }
        return query.categories().isEmpty() || categories(r).stream().anyMatch(c -> c.getCoding().stream()
                .anyMatch(coding -> query.categories().stream().anyMatch(wanted -> wanted.equals(coding.getCode())
                        || wanted.equals(coding.getSystem() + "|" + coding.getCode()))));
    }

    private static List<CodeableConcept> categories(Resource r) {
        if (r instanceof Observation o) {
            return o.getCategory();
        }
        if (r instanceof Condition c) {
            return c.getCategory();
        }
        if (r instanceof DiagnosticReport d) {
            return d.getCategory();
        }
        if (r instanceof DocumentReference d) {
            return d.getCategory();
        }
        if (r instanceof CarePlan c) {
            return c.getCategory();
        }
        return r instanceof MedicationRequest m ? m.getCategory() : List.of();
    }

    /** A link to the same search at another offset; only the parameters the sandbox understands are carried. */
    static String link(String fhirBase, String type, FhirQuery query, int offset) {
        StringBuilder url = new StringBuilder(fhirBase).append('/').append(type).append('?');
        if (query.patient() != null) {
            url.append("patient=").append(encode(query.patient())).append('&');
        }
        if (query.id() != null) {
            url.append("_id=").append(encode(query.id())).append('&');
        }
        if (!query.categories().isEmpty()) {
            url.append("category=").append(encode(String.join(",", query.categories()))).append('&');
        }
        query.lastUpdated().forEach(b -> url.append("_lastUpdated=").append(encode(b.text())).append('&'));
        return url.append("_count=").append(query.count()).append("&_offset=").append(offset).toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
