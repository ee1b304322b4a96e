package health.ferry.directory;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Near-identical portals shown as one card: the same portal imported from two published lists (Epic's FHIR bundle and
 * ONC Lantern's harvest of it, say) arrives as two portals with names that differ only in case, punctuation or spacing
 * ("Kaiser Permanente – Georgia", "KAISER PERMANENTE - GEORGIA") and the same FHIR server. Two portals collapse only
 * when both are listed for everyone (a participant's undecided request never joins a listed card), their names are
 * equal once folded, and they share a FHIR base address or a website. Two hospitals with the same name on different
 * servers stay two cards.
 */
final class Collapse {
    private Collapse() {
    }

    /** Each collapsed portal's id mapped to the id of the card kept for it (none when nothing collapses). */
    static Map<UUID, UUID> keepers(IndexSource source) {
        Map<UUID, List<String>> places = new HashMap<>();
        for (IndexSource.WebsiteRow e : source.endpoints()) {
            places.computeIfAbsent(e.portalId(), k -> new ArrayList<>(1)).add("fhir:" + FhirEndpoint.keyOf(e.url()));
        }
        for (IndexSource.WebsiteRow w : source.websites()) {
            places.computeIfAbsent(w.portalId(), k -> new ArrayList<>(1)).add("site:" + w.host() + w.path());
        }
        if (places.isEmpty()) {
            return Map.of();
        }
        // The card kept is the first of: supported, then more addresses, then name order (stable across rebuilds).
        List<IndexSource.PortalRow> listed = source.portals().stream().filter(r -> r.privateTo() == null)
                .filter(r -> places.containsKey(r.id()))
                .sorted(Comparator.comparing((IndexSource.PortalRow r) -> r.status() != SupportStatus.SUPPORTED)
                        .thenComparing(r -> -places.get(r.id()).size())
                        .thenComparing(IndexSource.PortalRow::name).thenComparing(IndexSource.PortalRow::id))
                .toList();
        Map<String, UUID> firstAt = new HashMap<>();
        Map<UUID, UUID> keeperOf = new HashMap<>();
        for (IndexSource.PortalRow row : listed) {
            String name = fold(row.name());
            UUID keeper = null;
            for (String place : places.get(row.id())) {
                keeper = keeper != null ? keeper : firstAt.get(name + "|" + place);
            }
            if (keeper == null) {
                for (String place : places.get(row.id())) {
                    firstAt.putIfAbsent(name + "|" + place, row.id());
                }
            } else {
                keeperOf.put(row.id(), keeper);
            }
        }
        return keeperOf;
    }

    /** A name with case, accents, punctuation and spacing folded away: what makes two names "the same name". */
    static String fold(String name) {
        String decomposed = Normalizer.normalize(name == null ? "" : name, Normalizer.Form.NFKD);
        return decomposed.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }
}
