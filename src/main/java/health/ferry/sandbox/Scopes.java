package health.ferry.sandbox;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * SMART scopes the sandbox grants: patient-level resource scopes in v1 ({@code patient/Observation.read},
 * {@code patient/*.read}) and v2 ({@code patient/Observation.rs}) syntax, {@code launch/patient},
 * {@code offline_access} and {@code online_access}. Anything else asked for is left out of the grant.
 */
final class Scopes {
    /** What a credential session may do: read the signed-in patient's records. */
    static final Set<String> SESSION = Set.of("patient/*.read");

    private static final Pattern RESOURCE =
            Pattern.compile("patient/(\\*|[A-Z][A-Za-z]+)\\.(read|\\*|(?=[cruds])c?r?u?d?s?)");
    private static final Set<String> OTHERS = Set.of("launch/patient", "offline_access", "online_access");

    private Scopes() {
    }

    /** The scopes granted for a request, in the order asked. */
    static Set<String> grant(String requested) {
        if (requested == null) {
            return Set.of();
        }
        return Arrays.stream(requested.trim().split("\\s+"))
                .filter(s -> OTHERS.contains(s) || RESOURCE.matcher(s).matches())
                .collect(Collectors.toCollection(LinkedHashSet::new));
    }

    static boolean anyResourceScope(Set<String> scopes) {
        return scopes.stream().anyMatch(s -> RESOURCE.matcher(s).matches());
    }

    static boolean offline(Set<String> scopes) {
        return scopes.contains("offline_access") || scopes.contains("online_access");
    }

    /** Whether the scopes allow reading ({@code r}) or searching ({@code s}) resources of this type. */
    static boolean allow(Set<String> scopes, String resourceType, char interaction) {
        for (String scope : scopes) {
            Matcher m = RESOURCE.matcher(scope);
            if (m.matches() && (m.group(1).equals("*") || m.group(1).equals(resourceType))) {
                String access = m.group(2);
                if (access.equals("read") || access.equals("*") || access.indexOf(interaction) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static String join(Set<String> scopes) {
        return String.join(" ", scopes);
    }
}
