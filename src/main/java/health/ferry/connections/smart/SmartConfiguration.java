package health.ferry.connections.smart;

import com.fasterxml.jackson.databind.JsonNode;
import health.ferry.connections.spi.PortalHttp;
import health.ferry.connections.spi.PortalSetUpProblem;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A portal's SMART endpoints from its .well-known/smart-configuration (both must be https or on the FHIR base's
 * host), with what it says it supports: {@code scopes_supported} and {@code capabilities} (empty when not stated).
 */
record SmartConfiguration(URI authorize, URI token, Set<String> scopesSupported, Set<String> capabilities) {
    /** The resource types sync reads about the patient (the types a per-type scope list is intersected with). */
    static final List<String> READ_TYPES = List.of("Condition", "AllergyIntolerance",
            "MedicationRequest", "MedicationStatement", "Immunization", "Observation", "Procedure", "Encounter",
            "DiagnosticReport", "DocumentReference", "CarePlan");

    /** The admins' code for discovery that cannot be used. */
    static final String DISCOVERY = "discovery_unusable";

    static SmartConfiguration of(URI fhirBase, PortalHttp.Answer answer) {
        if (answer.status() != 200) {
            // 5xx and 429 were thrown as PortalUnavailable by PortalHttp: this is the portal saying it has none
            throw new PortalSetUpProblem(DISCOVERY, ".well-known/smart-configuration answered HTTP "
                    + answer.status());
        }
        URI authorize = uri(answer.body().path("authorization_endpoint").asText(null), fhirBase);
        URI token = uri(answer.body().path("token_endpoint").asText(null), fhirBase);
        if (authorize == null || token == null) {
            throw new PortalSetUpProblem(DISCOVERY, ".well-known/smart-configuration has no usable "
                    + (authorize == null ? "authorization_endpoint" : "token_endpoint")
                    + " (absolute https, or http on the FHIR base's host)");
        }
        return new SmartConfiguration(authorize, token, strings(answer.body().path("scopes_supported")),
                strings(answer.body().path("capabilities")));
    }

    /**
     * What Ferry asks for: only what sync uses. The patient in context ({@code launch/patient}), refresh
     * ({@code offline_access}) and read access to the patient's resources, each only when the portal offers it
     * (all of them when it does not say). Read access is SMART v2 {@code patient/*.rs} when offered (or when the
     * portal says only {@code permission-v2}), else v1 {@code patient/*.read}; a portal listing only per-type scopes
     * gets those of the types sync reads (v2 preferred per type). No {@code openid}/{@code fhirUser}: Ferry reads
     * no id token.
     */
    String scopes() {
        List<String> asked = new ArrayList<>();
        for (String context : List.of("launch/patient", "offline_access")) {
            if (offers(context)) {
                asked.add(context);
            }
        }
        boolean v2Only = capabilities.contains("permission-v2") && !capabilities.contains("permission-v1");
        if (scopesSupported.contains("patient/*.rs")) {
            asked.add("patient/*.rs");
        } else if (scopesSupported.contains("patient/*.read")) {
            asked.add("patient/*.read");
        } else if (scopesSupported.isEmpty() || noPatientScopes()) {
            asked.add(v2Only ? "patient/*.rs" : "patient/*.read");
        } else {
            for (String type : READ_TYPES) {
                if (scopesSupported.contains("patient/" + type + ".rs")) {
                    asked.add("patient/" + type + ".rs");
                } else if (scopesSupported.contains("patient/" + type + ".read")) {
                    asked.add("patient/" + type + ".read");
                }
            }
        }
        return String.join(" ", asked);
    }

    /**
     * The fallback after the portal refused {@link #scopes()} ({@code invalid_scope}): the patient in context and
     * read access to the patient's records, no refresh ({@code offline_access} is what registrations most often
     * leave out; the connection is then online-only). v1 {@code patient/*.read} unless the portal is v2 only.
     */
    String minimalScopes() {
        boolean v2Only = capabilities.contains("permission-v2") && !capabilities.contains("permission-v1")
                || scopesSupported.contains("patient/*.rs") && !scopesSupported.contains("patient/*.read");
        return "launch/patient " + (v2Only ? "patient/*.rs" : "patient/*.read");
    }

    private boolean offers(String scope) {
        return scopesSupported.isEmpty() || scopesSupported.contains(scope);
    }

    private boolean noPatientScopes() {
        return scopesSupported.stream().noneMatch(s -> s.startsWith("patient/"));
    }

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        if (array.isArray()) {
            array.forEach(v -> {
                if (v.isTextual() && !v.asText().isBlank()) {
                    values.add(v.asText().strip());
                }
            });
        }
        return Set.copyOf(values);
    }

    /** Only absolute http(s) endpoints; plain http only on the FHIR base's own host (local sandboxes). */
    private static URI uri(String value, URI fhirBase) {
        if (value == null) {
            return null;
        }
        try {
            URI u = URI.create(value);
            boolean https = "https".equals(u.getScheme());
            boolean sameHost = "http".equals(u.getScheme()) && u.getHost() != null
                    && u.getHost().equalsIgnoreCase(fhirBase.getHost());
            return u.getHost() != null && (https || sameHost) ? u : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
