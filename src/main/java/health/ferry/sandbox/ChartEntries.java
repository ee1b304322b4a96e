package health.ferry.sandbox;

import static health.ferry.sandbox.Chart.dateTime;
import static health.ferry.sandbox.Vocabulary.concept;

import health.ferry.sandbox.SandboxAccounts.Profile;
import health.ferry.sandbox.Vocabulary.Allergy;
import health.ferry.sandbox.Vocabulary.Code;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.hl7.fhir.r4.model.AllergyIntolerance;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Coverage;
import org.hl7.fhir.r4.model.ExplanationOfBenefit;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.r4.model.HumanName.NameUse;
import org.hl7.fhir.r4.model.Immunization;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.MedicationStatement;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Procedure;
import org.hl7.fhir.r4.model.Reference;

/** Builds the chart's entries: patient, visits, problems, allergies, medicines, vaccines, procedures, care plans. */
final class ChartEntries {
    static final String TERMINOLOGY = "http://terminology.hl7.org/CodeSystem/";
    static final String CLINICIAN = "Dr. Ana Rivera";
    static final String ORGANIZATION = "Sandbox General Hospital";

    private final Chart chart;

    ChartEntries(Chart chart) {
        this.chart = chart;
    }

    static Patient patient(Profile profile, int recordNumber) {
        Patient patient = new Patient();
        patient.addIdentifier().setSystem("https://sandbox-general.example/fhir/mrn").setValue("SBX" + recordNumber)
                .setType(concept(TERMINOLOGY + "v2-0203", "MR", "Medical record number"));
        patient.setActive(true);
        patient.addName().setUse(NameUse.OFFICIAL).setFamily(profile.family()).addGiven(profile.given());
        patient.setGender(AdministrativeGender.fromCode(profile.gender()));
        patient.setBirthDateElement(new DateType(profile.birthDate().toString()));
        patient.addGeneralPractitioner(clinician());
        patient.setManagingOrganization(new Reference().setDisplay(ORGANIZATION));
        return patient;
    }

    Encounter visit(Code type, boolean emergency, Instant start, Duration length) {
        Encounter e = new Encounter();
        e.setStatus(Encounter.EncounterStatus.FINISHED);
        e.setClass_(emergency ? new Coding(TERMINOLOGY + "v3-ActCode", "EMER", "emergency")
                : new Coding(TERMINOLOGY + "v3-ActCode", "AMB", "ambulatory"));
        e.addType(concept(type));
        e.setSubject(chart.patient());
        e.setPeriod(new Period().setStartElement(dateTime(start)).setEndElement(dateTime(start.plus(length))));
        e.addParticipant().setIndividual(clinician());
        e.setServiceProvider(new Reference().setDisplay(ORGANIZATION));
        return chart.add(e, start.plus(length));
    }

    Condition condition(Code code, boolean longTerm, Instant onset, Instant resolved, Encounter visit) {
        Condition c = new Condition();
        c.setClinicalStatus(resolved == null ? status("condition-clinical", "active", "Active")
                : status("condition-clinical", "resolved", "Resolved"));
        c.setVerificationStatus(status("condition-ver-status", "confirmed", "Confirmed"));
        c.addCategory(longTerm ? status("condition-category", "problem-list-item", "Problem List Item")
                : status("condition-category", "encounter-diagnosis", "Encounter Diagnosis"));
        c.setCode(concept(code));
        c.setSubject(chart.patient());
        c.setEncounter(Chart.reference(visit));
        c.setOnset(dateTime(onset));
        if (resolved != null) {
            c.setAbatement(dateTime(resolved));
        }
        c.setRecordedDateElement(dateTime(visit.getPeriod().getStart().toInstant()));
        c.setRecorder(clinician());
        return chart.add(c, visit.getPeriod().getStart().toInstant());
    }

    AllergyIntolerance allergy(Allergy allergy, Instant recorded) {
        AllergyIntolerance a = new AllergyIntolerance();
        boolean severe = "39579001".equals(allergy.reaction().code());
        a.setClinicalStatus(status("allergyintolerance-clinical", "active", "Active"));
        a.setVerificationStatus(status("allergyintolerance-verification", "confirmed", "Confirmed"));
        a.setType(AllergyIntolerance.AllergyIntoleranceType.ALLERGY);
        a.addCategory(AllergyIntolerance.AllergyIntoleranceCategory.fromCode(allergy.category()));
        a.setCriticality(severe ? AllergyIntolerance.AllergyIntoleranceCriticality.HIGH
                : AllergyIntolerance.AllergyIntoleranceCriticality.LOW);
        a.setCode(concept(allergy.substance()));
        a.setPatient(chart.patient());
        a.setRecordedDateElement(dateTime(recorded));
        a.addReaction().addManifestation(concept(allergy.reaction())).setSeverity(severe
                ? AllergyIntolerance.AllergyIntoleranceSeverity.SEVERE
                : AllergyIntolerance.AllergyIntoleranceSeverity.MILD);
        return chart.add(a, recorded);
    }

    MedicationRequest prescription(Code medicine, boolean active, Encounter visit, Condition reason) {
        MedicationRequest m = new MedicationRequest();
        Instant when = visit.getPeriod().getStart().toInstant();
        m.setStatus(active ? MedicationRequest.MedicationRequestStatus.ACTIVE
                : MedicationRequest.MedicationRequestStatus.COMPLETED);
        m.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
        m.addCategory(status("medicationrequest-category", "outpatient", "Outpatient"));
        m.setMedication(concept(medicine));
        m.setSubject(chart.patient());
        m.setEncounter(Chart.reference(visit));
        m.setAuthoredOnElement(dateTime(when));
        m.setRequester(clinician());
        m.addReasonReference(Chart.reference(reason));
        m.addDosageInstruction().setText(dosage(medicine));
        return chart.add(m, when);
    }

    MedicationStatement selfReported(Code medicine, Instant since, Instant asserted, boolean active) {
        MedicationStatement s = new MedicationStatement();
        s.setStatus(active ? MedicationStatement.MedicationStatementStatus.ACTIVE
                : MedicationStatement.MedicationStatementStatus.COMPLETED);
        s.setMedication(concept(medicine));
        s.setSubject(chart.patient());
        s.setEffective(new Period().setStartElement(dateTime(since)));
        s.setDateAssertedElement(dateTime(asserted));
        s.setInformationSource(chart.patient());
        s.addDosage().setText(dosage(medicine) + " when needed");
        return chart.add(s, asserted);
    }

    Immunization vaccine(Code vaccine, Instant when) {
        Immunization i = new Immunization();
        i.setStatus(Immunization.ImmunizationStatus.COMPLETED);
        i.setVaccineCode(concept(vaccine));
        i.setPatient(chart.patient());
        i.setOccurrence(dateTime(when));
        i.setPrimarySource(true);
        i.setLotNumber("SBX" + (1000 + chart.random().nextInt(9000)));
        i.addPerformer().setActor(clinician());
        return chart.add(i, when);
    }

    Procedure procedure(Code code, Encounter visit) {
        Procedure p = new Procedure();
        Instant when = visit.getPeriod().getStart().toInstant().plus(Duration.ofMinutes(10));
        p.setStatus(Procedure.ProcedureStatus.COMPLETED);
        p.setCode(concept(code));
        p.setSubject(chart.patient());
        p.setEncounter(Chart.reference(visit));
        p.setPerformed(dateTime(when));
        p.addPerformer().setActor(clinician());
        return chart.add(p, when);
    }

    CarePlan carePlan(String title, List<String> activities, Condition addresses, Instant start) {
        CarePlan plan = new CarePlan();
        plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
        plan.setIntent(CarePlan.CarePlanIntent.PLAN);
        plan.addCategory(concept(Vocabulary.CARE_PLAN));
        plan.addCategory(concept("http://hl7.org/fhir/us/core/CodeSystem/careplan-category", "assess-plan",
                "Assessment and Plan of Treatment"));
        plan.setTitle(title);
        plan.setSubject(chart.patient());
        plan.setPeriod(new Period().setStartElement(dateTime(start)));
        plan.setCreatedElement(dateTime(start));
        plan.addAddresses(Chart.reference(addresses));
        activities.forEach(a -> plan.addActivity().getDetail()
                .setStatus(CarePlan.CarePlanActivityStatus.INPROGRESS).setDescription(a));
        return chart.add(plan, start);
    }

    /** A goal the care plan works towards, for the problem it addresses. */
    Goal goal(String description, Condition addresses, Instant start) {
        Goal goal = new Goal();
        goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
        goal.setDescription(new CodeableConcept().setText(description));
        goal.setSubject(chart.patient());
        goal.setStart(new DateType(java.time.LocalDate.ofInstant(start, java.time.ZoneOffset.UTC).toString()));
        goal.addAddresses(Chart.reference(addresses));
        return chart.add(goal, start);
    }

    /** The person's health plan membership from the chart's first day. */
    Coverage coverage(Instant from) {
        Coverage c = new Coverage();
        c.setStatus(Coverage.CoverageStatus.ACTIVE);
        c.setType(concept("http://terminology.hl7.org/CodeSystem/v3-ActCode", "HIP", "health insurance plan policy"));
        c.setBeneficiary(chart.patient());
        c.setRelationship(concept("http://terminology.hl7.org/CodeSystem/subscriber-relationship", "self", "Self"));
        c.setPeriod(new Period().setStartElement(dateTime(from)));
        c.addPayor().setDisplay("Sandbox Health Plan");
        c.addClass_().setType(concept("http://terminology.hl7.org/CodeSystem/coverage-class", "plan", "Plan"))
                .setValue("SBX-GOLD").setName("Sandbox Gold PPO");
        return chart.add(c, from);
    }

    /** What the plan paid for a visit, as the insurer explains it. */
    ExplanationOfBenefit claim(Encounter visit, Coverage coverage, int billedCents, int paidCents) {
        ExplanationOfBenefit eob = new ExplanationOfBenefit();
        Instant when = visit.getPeriod().getStart().toInstant();
        eob.setStatus(ExplanationOfBenefit.ExplanationOfBenefitStatus.ACTIVE);
        eob.setType(concept("http://terminology.hl7.org/CodeSystem/claim-type", "professional", "Professional"));
        eob.setUse(ExplanationOfBenefit.Use.CLAIM);
        eob.setPatient(chart.patient());
        eob.setBillablePeriod(new Period().setStartElement(dateTime(when)).setEndElement(dateTime(when)));
        eob.setCreatedElement(dateTime(when.plus(Duration.ofDays(14))));
        eob.setInsurer(new Reference().setDisplay("Sandbox Health Plan"));
        eob.setProvider(clinician());
        eob.setOutcome(ExplanationOfBenefit.RemittanceOutcome.COMPLETE);
        eob.addInsurance().setFocal(true).setCoverage(Chart.reference(coverage));
        var item = eob.addItem().setSequence(1).setProductOrService(visit.getTypeFirstRep())
                .setServiced(new DateType(java.time.LocalDate.ofInstant(when, java.time.ZoneOffset.UTC).toString()))
                .setEncounter(List.of(Chart.reference(visit)));
        item.setNet(new org.hl7.fhir.r4.model.Money().setValue(billedCents / 100.0).setCurrency("USD"));
        eob.addTotal().setCategory(concept("http://terminology.hl7.org/CodeSystem/adjudication", "submitted",
                "Submitted Amount")).setAmount(new org.hl7.fhir.r4.model.Money().setValue(billedCents / 100.0)
                .setCurrency("USD"));
        eob.addTotal().setCategory(concept("http://terminology.hl7.org/CodeSystem/adjudication", "benefit",
                "Benefit Amount")).setAmount(new org.hl7.fhir.r4.model.Money().setValue(paidCents / 100.0)
                .setCurrency("USD"));
        return chart.add(eob, when.plus(Duration.ofDays(14)));
    }

    static Reference clinician() {
        return new Reference().setDisplay(CLINICIAN);
    }

    private static CodeableConcept status(String codeSystem, String code, String display) {
        return concept(TERMINOLOGY + codeSystem, code, display);
    }

    private static String dosage(Code medicine) {
        String name = medicine.display();
        if (name.contains("Inhaler")) {
            return "Inhale 2 puffs as directed";
        }
        if (name.contains("Cream")) {
            return "Apply a thin layer to the affected skin twice a day";
        }
        return name.contains("Capsule") ? "1 capsule by mouth three times a day" : "1 tablet by mouth daily";
    }
}
