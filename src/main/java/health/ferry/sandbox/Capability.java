package health.ferry.sandbox;

import static health.ferry.sandbox.Vocabulary.concept;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Enumerations.FHIRVersion;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;
import org.hl7.fhir.r4.model.Enumerations.SearchParamType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/** What the sandbox says about itself: the FHIR CapabilityStatement and the SMART configuration document. */
@ApplicationScoped
class Capability {
    private static final Set<String> WITH_CATEGORY = Set.of("Observation", "Condition", "DiagnosticReport",
            "DocumentReference", "CarePlan", "MedicationRequest");

    private final SandboxUrls urls;

    Capability(SandboxUrls urls) {
        this.urls = urls;
    }

    /** {@code GET /sandbox/fhir/.well-known/smart-configuration} (SMART App Launch 2.x). */
    Map<String, Object> smartConfiguration() {
        List<String> scopes = new ArrayList<>(List.of("launch/patient", "offline_access", "online_access",
                "patient/*.read", "patient/*.rs"));
        FhirReads.TYPES.forEach(t -> scopes.addAll(List.of("patient/" + t + ".read", "patient/" + t + ".rs")));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("authorization_endpoint", urls.authorize());
        config.put("token_endpoint", urls.token());
        config.put("token_endpoint_auth_methods_supported", List.of("none", "client_secret_basic",
                "client_secret_post"));
        config.put("grant_types_supported", List.of("authorization_code", "refresh_token"));
        config.put("response_types_supported", List.of("code"));
        config.put("scopes_supported", scopes);
        config.put("code_challenge_methods_supported", List.of("S256"));
        config.put("authorization_response_iss_parameter_supported", true);
        config.put("capabilities", List.of("launch-standalone", "client-public", "client-confidential-symmetric",
                "context-standalone-patient", "permission-offline", "permission-online", "permission-patient",
                "permission-v1", "permission-v2"));
        return config;
    }

    /** {@code GET /sandbox/fhir/metadata}. */
    CapabilityStatement statement() {
        CapabilityStatement cs = new CapabilityStatement();
        cs.setStatus(PublicationStatus.ACTIVE);
        cs.setDateElement(new DateTimeType("2025-12-19"));
        cs.setPublisher("Sandbox Health System");
        cs.setKind(CapabilityStatement.CapabilityStatementKind.INSTANCE);
        cs.getSoftware().setName("Ferry sandbox portal");
        cs.getImplementation().setDescription("Sandbox Health System (simulated, synthetic data)")
                .setUrl(urls.fhirBase());
        cs.setFhirVersion(FHIRVersion._4_0_1);
        cs.addFormat("json");
        CapabilityStatementRestComponent rest = cs.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().addService(concept("http://terminology.hl7.org/CodeSystem/restful-security-service",
                "SMART-on-FHIR", "SMART-on-FHIR")).setDescription("SMART App Launch (standalone, PKCE S256)");
        Extension oauth = rest.getSecurity().addExtension()
                .setUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
        oauth.addExtension("authorize", new UriType(urls.authorize()));
        oauth.addExtension("token", new UriType(urls.token()));
        FhirReads.TYPES.forEach(type -> resource(rest, type));
        rest.addResource().setType("Binary").addInteraction().setCode(TypeRestfulInteraction.READ);
        return cs;
    }

    private static void resource(CapabilityStatementRestComponent rest, String type) {
        CapabilityStatementRestResourceComponent r = rest.addResource().setType(type);
        r.addInteraction().setCode(TypeRestfulInteraction.READ);
        r.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
        if ("Patient".equals(type)) {
            r.addSearchParam().setName("_id").setType(SearchParamType.TOKEN);
        } else {
            r.addSearchParam().setName("patient").setType(SearchParamType.REFERENCE);
        }
        r.addSearchParam().setName("_lastUpdated").setType(SearchParamType.DATE);
        if (WITH_CATEGORY.contains(type)) {
            r.addSearchParam().setName("category").setType(SearchParamType.TOKEN);
        }
    }
}
