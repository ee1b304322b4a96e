package health.ferry.uploads.classification;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The structure an upload's entry names reveal: where IHE XDM packages are rooted (any folder holding
 * {@code IHE_XDM/}, so both {@code IHE_XDM/SUBSET01/} and per-patient {@code IHE_XDM/Alice1/} layouts, wrapped in a
 * top folder or not) and Apple Health exports. Names are compared as text only.
 */
final class PackageLayout {
    private static final String XDM_FOLDER = "ihe_xdm";
    private static final Set<String> INDEX_FILES = Set.of("index.htm", "readme.txt");

    private final Set<String> xdmRoots;

    private PackageLayout(Set<String> xdmRoots) {
        this.xdmRoots = xdmRoots;
    }

    static PackageLayout of(Collection<String> names) {
        return new PackageLayout(names.stream().map(PackageLayout::xdmRoot).filter(r -> r != null)
                .collect(Collectors.toUnmodifiableSet()));
    }

    boolean hasXdm() {
        return !xdmRoots.isEmpty();
    }

    /** INDEX.HTM or README.TXT beside an {@code IHE_XDM/} folder. */
    boolean isXdmIndex(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return xdmRoots.stream().anyMatch(root -> lower.startsWith(root)
                && INDEX_FILES.contains(lower.substring(root.length())));
    }

    static boolean inXdm(String name) {
        return xdmRoot(name) != null;
    }

    /** A file in {@code apple_health_export/clinical-records/}: one FHIR resource per file. */
    static boolean appleClinicalRecord(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.contains("apple_health_export/clinical-records/") && lower.endsWith(".json");
    }

    /** The folder part of a name, with its trailing slash; empty at the top. */
    static String folder(String name) {
        return name.substring(0, name.lastIndexOf('/') + 1);
    }

    /** Lower-case prefix before the {@code IHE_XDM/} segment, or null when the name is not inside one. */
    private static String xdmRoot(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        int at = lower.startsWith(XDM_FOLDER + "/") ? 0 : lower.indexOf("/" + XDM_FOLDER + "/");
        if (at < 0) {
            return null;
        }
        return at == 0 && lower.startsWith(XDM_FOLDER + "/") ? "" : lower.substring(0, at + 1);
    }
}
