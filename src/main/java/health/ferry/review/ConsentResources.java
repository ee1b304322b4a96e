package health.ferry.review;

import ca.uhn.fhir.context.FhirContext;
import health.ferry.records.RecordCategory;
import health.ferry.studies.ConsentRecord;
import health.ferry.studies.Study;
import java.util.Date;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Consent.ConsentProvisionType;
import org.hl7.fhir.r4.model.Consent.ConsentState;
import org.hl7.fhir.r4.model.Consent.ProvisionComponent;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * A participant's consent event as a FHIR R4 {@code Consent} for the study's export: scope research, the
 * participant by the study's pseudonym, the study as the organization and the recipient, the consent version as
 * the policy, and one provision per category the study requests: permit where shared, deny where not (all deny
 * once withdrawn). Only the event in force is {@code active}; earlier ones and withdrawals are {@code inactive}.
 */
final class ConsentResources {
    static final String STUDY_SYSTEM = "urn:ferry:study";
    static final String CATEGORY_SYSTEM = "urn:ferry:record-category";
    static final String ACTION_SYSTEM = "urn:ferry:consent-action";

    private ConsentResources() {
    }

    static String json(FhirContext fhir, Study study, ConsentRecord event) {
        return fhir.newJsonParser().setPrettyPrint(false).encodeResourceToString(of(study, event));
    }

    static Consent of(Study study, ConsentRecord event) {
        Consent consent = new Consent();
        consent.setId(event.id().toString());
        consent.getMeta().addTag(ACTION_SYSTEM, event.action(), null);
        consent.setStatus(event.latest() && !event.withdrawn() ? ConsentState.ACTIVE : ConsentState.INACTIVE);
        consent.setScope(new CodeableConcept(new Coding("http://terminology.hl7.org/CodeSystem/consentscope",
                "research", "Research")));
        consent.addCategory(new CodeableConcept(new Coding("http://loinc.org", "57016-8",
                "Privacy policy acknowledgment Document")));
        consent.setPatient(new Reference("Patient/" + event.pseudonym()));
        consent.setDateTime(Date.from(event.at()));
        consent.addOrganization(study(study));
        consent.addPolicy().setAuthority(STUDY_SYSTEM + ":" + study.id())
                .setUri(STUDY_SYSTEM + ":" + study.id() + ":consent:" + event.consentVersion());
        ProvisionComponent provision = consent.getProvision().setType(ConsentProvisionType.DENY)
                .setPeriod(new Period().setStart(Date.from(event.at())));
        provision.addActor().setRole(new CodeableConcept(new Coding(
                "http://terminology.hl7.org/CodeSystem/v3-ParticipationType", "IRCP", "information recipient")))
                .setReference(study(study));
        for (RecordCategory c : study.requestedCategories()) {
            boolean permit = !event.withdrawn() && event.shared().contains(c);
            provision.addProvision().setType(permit ? ConsentProvisionType.PERMIT : ConsentProvisionType.DENY)
                    .addCode(new CodeableConcept(new Coding(CATEGORY_SYSTEM, c.code(), null)));
        }
        return consent;
    }

    private static Reference study(Study study) {
        return new Reference().setIdentifier(new Identifier().setSystem(STUDY_SYSTEM).setValue(study.id()))
                .setDisplay(study.title());
    }
}
