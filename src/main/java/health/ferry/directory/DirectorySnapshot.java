package health.ferry.directory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The whole directory as search needs it, in memory: one card per portal (numbered in name order) and the name
 * and website indexes that lead to them. Built whole and swapped in; only a card's support status changes in place.
 */
final class DirectorySnapshot {
    static final DirectorySnapshot EMPTY = build(new IndexSource(List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of()));
    /** Organisations and doctors listed per portal in a result. */
    static final int MAX_LISTED = 10;

    private final AtomicReferenceArray<PortalSummary> cards;
    /** Per ordinal: the only account that may find it (an undecided request), or null for everyone. */
    private final AtomicReferenceArray<UUID> privateTo;
    private final boolean anyPrivate;
    private final Map<UUID, Integer> ordinals;
    private final NameIndex organisations;
    private final NameIndex doctors;
    private final WebsiteIndex websites;

    private DirectorySnapshot(PortalSummary[] cards, UUID[] privateTo, NameIndex organisations, NameIndex doctors,
            WebsiteIndex websites) {
        this.cards = new AtomicReferenceArray<>(cards);
        this.privateTo = new AtomicReferenceArray<>(privateTo);
        this.anyPrivate = java.util.Arrays.stream(privateTo).anyMatch(java.util.Objects::nonNull);
        this.ordinals = new HashMap<>(cards.length * 2);
        for (int i = 0; i < cards.length; i++) {
            ordinals.put(cards[i].id(), i);
        }
        this.organisations = organisations;
        this.doctors = doctors;
        this.websites = websites;
    }

    static DirectorySnapshot build(IndexSource source) {
        Map<UUID, UUID> keeperOf = Collapse.keepers(source);
        List<IndexSource.PortalRow> rows = inNameOrder(source.portals().stream()
                .filter(r -> !keeperOf.containsKey(r.id())).toList());
        Map<UUID, Integer> ordinal = new HashMap<>(rows.size() * 2);
        for (int i = 0; i < rows.size(); i++) {
            ordinal.put(rows.get(i).id(), i);
        }
        // A collapsed portal's names, organisations and addresses lead to the card kept for it.
        keeperOf.forEach((hidden, keeper) -> ordinal.put(hidden, ordinal.get(keeper)));
        Map<UUID, String> orgNames = new HashMap<>();
        source.organisations().forEach(o -> orgNames.put(o.organisationId(), o.name()));
        Map<UUID, IndexSource.Place> places = new HashMap<>();
        source.places().forEach(p -> places.put(p.organisationId(), p));
        Map<UUID, List<String>> aliases = group(source.aliases());
        Map<UUID, List<String>> doctorsAt = group(source.doctors());

        NameIndex.Builder orgIndex = new NameIndex.Builder(rows.size());
        NameIndex.Builder doctorIndex = new NameIndex.Builder(rows.size());
        WebsiteIndex.Builder siteIndex = new WebsiteIndex.Builder();
        List<TreeSet<String>> orgsOf = new ArrayList<>(rows.size());
        List<TreeSet<String>> doctorsOf = new ArrayList<>(rows.size());
        List<TreeSet<String>> placesOf = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            orgIndex.add(rows.get(i).name(), i);
            orgsOf.add(new TreeSet<>());
            doctorsOf.add(new TreeSet<>());
            placesOf.add(new TreeSet<>());
        }
        for (IndexSource.PortalRow hidden : source.portals()) {
            if (keeperOf.containsKey(hidden.id())) {
                orgIndex.add(hidden.name(), ordinal.get(hidden.id()));
            }
        }
        for (IndexSource.Link link : source.portalOrganisations()) {
            Integer p = ordinal.get(link.portalId());
            String orgName = orgNames.get(link.organisationId());
            if (p == null || orgName == null) {
                continue;
            }
            orgIndex.add(orgName, p);
            orgsOf.get(p).add(orgName);
            IndexSource.Place place = places.get(link.organisationId());
            if (place != null && place.label() != null) {
                placesOf.get(p).add(place.label());
            }
            aliases.getOrDefault(link.organisationId(), List.of()).forEach(a -> orgIndex.add(a, p));
            for (String doctor : doctorsAt.getOrDefault(link.organisationId(), List.of())) {
                doctorIndex.add(doctor, p);
                doctorsOf.get(p).add(doctor);
            }
        }
        String[] firstSite = new String[rows.size()];
        for (IndexSource.WebsiteRow w : source.websites()) {
            Integer p = ordinal.get(w.portalId());
            if (p != null) {
                siteIndex.add(p, w.host(), w.path());
                firstSite[p] = firstSite[p] == null ? w.url() : firstSite[p];
            }
        }
        for (IndexSource.WebsiteRow e : source.endpoints()) {
            Integer p = ordinal.get(e.portalId());
            if (p != null) {
                siteIndex.add(p, e.host(), e.path());
            }
        }
        PortalSummary[] cards = new PortalSummary[rows.size()];
        UUID[] privateTo = new UUID[rows.size()];
        for (int i = 0; i < cards.length; i++) {
            IndexSource.PortalRow r = rows.get(i);
            cards[i] = new PortalSummary(r.id(), r.name(), first(orgsOf.get(i)), first(doctorsOf.get(i)),
                    firstSite[i], r.status().code(), r.method().code(), r.vendor(),
                    placesOf.get(i).isEmpty() ? null : placesOf.get(i).first());
            privateTo[i] = r.privateTo();
        }
        return new DirectorySnapshot(cards, privateTo, orgIndex.build(), doctorIndex.build(), siteIndex.build());
    }

    int size() {
        return cards.length();
    }

    PortalSummary card(int ordinal) {
        return cards.get(ordinal);
    }

    /** Whether any card is private to one account (when none is, every search result may be shown). */
    boolean anyPrivate() {
        return anyPrivate;
    }

    /** Whether {@code viewer} (null: nobody in particular) may find the card: listed, or their own request. */
    boolean visibleTo(int ordinal, UUID viewer) {
        UUID owner = privateTo.get(ordinal);
        return owner == null || owner.equals(viewer);
    }

    RankedPortals byOrganisation(String query) {
        return organisations.search(query);
    }

    RankedPortals byDoctor(String query) {
        return doctors.search(query);
    }

    RankedPortals byWebsite(WebsiteAddress address) {
        return websites.search(address);
    }

    /** Shows an admin's decision at once; false when the portal is not in this snapshot yet. */
    boolean changeStatus(UUID portalId, SupportStatus status) {
        Integer ordinal = ordinals.get(portalId);
        if (ordinal == null) {
            return false;
        }
        cards.updateAndGet(ordinal, card -> card.withStatus(status));
        privateTo.set(ordinal, null); // decided by an admin: listed for everyone
        return true;
    }

    String describe() {
        return cards.length() + " portals, " + organisations.entryCount() + " names, " + doctors.entryCount()
                + " doctors, " + websites.hostCount() + " website hosts";
    }

    private static List<IndexSource.PortalRow> inNameOrder(List<IndexSource.PortalRow> portals) {
        record Keyed(String key, IndexSource.PortalRow row) {
        }
        return portals.stream().map(r -> new Keyed(r.name().toLowerCase(Locale.ROOT), r))
                .sorted(Comparator.comparing(Keyed::key).thenComparing(k -> k.row().id())).map(Keyed::row).toList();
    }

    private static Map<UUID, List<String>> group(List<IndexSource.Named> named) {
        Map<UUID, List<String>> grouped = new HashMap<>();
        named.forEach(n -> grouped.computeIfAbsent(n.organisationId(), k -> new ArrayList<>(2)).add(n.name()));
        return grouped;
    }

    private static List<String> first(TreeSet<String> names) {
        return names.stream().limit(MAX_LISTED).toList();
    }
}
