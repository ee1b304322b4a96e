package health.ferry.sandbox;

import health.ferry.sandbox.Grants.Access;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * Who may read what on the sandbox's FHIR API: a valid bearer token (SMART access token or credential session)
 * reads its own patient's records, within its scopes. Anything else is a {@link FhirError}.
 */
@ApplicationScoped
class FhirReads {
    /** The resource types the FHIR API serves (Binary is read through DocumentReference attachments). */
    static final List<String> TYPES = List.of("Patient", "AllergyIntolerance", "CarePlan", "Condition",
            "Coverage", "DiagnosticReport", "DocumentReference", "Encounter", "ExplanationOfBenefit", "Goal",
            "Immunization", "MedicationRequest", "MedicationStatement", "Observation", "Procedure");

    /** Tokens of the flaky account that were already answered 503 once (its first search per token is). */
    private final java.util.Set<String> busyOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final Grants grants;
    private final SyntheticRecords records;
    private final SandboxUrls urls;

    FhirReads(Grants grants, SyntheticRecords records, SandboxUrls urls) {
        this.grants = grants;
        this.records = records;
        this.urls = urls;
    }

    Bundle search(String authorization, String type, Map<String, List<String>> params) {
        Access access = authenticate(authorization);
        if (SandboxAccounts.find("flaky").filter(a -> a.profiles().stream()
                .anyMatch(p -> p.id().equals(access.patientId()))).isPresent()
                && busyOnce.add(Bearer.token(authorization).orElseThrow())) {
            throw FhirError.busy(1);
        }
        if (!TYPES.contains(type)) {
            throw FhirError.notFound("The resource type " + type);
        }
        if (!Scopes.allow(access.scopes(), type, 's')) {
            throw FhirError.forbidden("The token's scopes do not allow searching " + type + ".");
        }
        FhirQuery query;
        try {
            query = FhirQuery.parse(params);
        } catch (IllegalArgumentException e) {
            throw FhirError.invalid(e.getMessage());
        }
        if (query.patient() == null && !"Patient".equals(type)) {
            throw FhirError.invalid("Search " + type + " with patient={id}.");
        }
        if (query.patient() != null && !query.patient().equals(access.patientId())) {
            throw FhirError.forbidden("The token is for another patient.");
        }
        return FhirSearch.page(type, chart(access), query, urls.fhirBase());
    }

    Resource read(String authorization, String type, String id) {
        Access access = authenticate(authorization);
        boolean binary = "Binary".equals(type);
        if (!binary && !TYPES.contains(type)) {
            throw FhirError.notFound("The resource type " + type);
        }
        boolean allowed = binary ? Scopes.allow(access.scopes(), "Binary", 'r')
                || Scopes.allow(access.scopes(), "DocumentReference", 'r') : Scopes.allow(access.scopes(), type, 'r');
        if (!allowed) {
            throw FhirError.forbidden("The token's scopes do not allow reading " + type + ".");
        }
        return chart(access).find(type, id).orElseThrow(() -> FhirError.notFound(type + "/" + id));
    }

    private PatientRecords chart(Access access) {
        return records.of(access.patientId()).orElseThrow(() -> FhirError.notFound("The patient"));
    }

    private Access authenticate(String authorization) {
        String token = Bearer.token(authorization).orElseThrow(() -> new FhirError(401, IssueType.LOGIN,
                "Send a bearer token: Authorization: Bearer <access token>.", null));
        return grants.access(token).orElseThrow(() -> new FhirError(401, IssueType.LOGIN,
                "The access token is unknown, expired or revoked.", "invalid_token"));
    }
}
