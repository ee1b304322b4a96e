package health.ferry.uploads;

import health.ferry.accounts.Actor;
import health.ferry.accounts.CurrentAccount;
import health.ferry.outcome.Outcome;
import health.ferry.outcome.OutcomeException;
import health.ferry.outcome.OutcomeException.FieldError;
import health.ferry.records.RecordSource;
import health.ferry.records.RecordStore;
import health.ferry.uploads.api.LabDecided;
import health.ferry.uploads.api.LabDecisionRequest;
import health.ferry.uploads.api.LabFieldDecision;
import health.ferry.uploads.api.LabFieldView;
import health.ferry.uploads.api.LabResultView;
import health.ferry.uploads.labs.LabFields;
import health.ferry.uploads.labs.LabObservation;
import health.ferry.uploads.labs.LabProposal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Lab results proposed from lab reports (issue 25): stored when the job reads a document, shown to the study's
 * coordinators, who confirm, correct or drop each field. Once no field of a result is pending, the result is settled:
 * a record (a pending Observation the participant accepts like any other, when their record settings take lab
 * results) or dropped (its test or value was dropped). A settled result cannot be changed again. Who may look and
 * decide, and the audit of it, is review's (through {@link SupportingDocuments}).
 */
@ApplicationScoped
class LabResults {
    @Inject
    LabRepository labs;
    @Inject
    DocumentRepository documents;
    @Inject
    UploadRepository uploads;
    @Inject
    RecordStore records;
    @Inject
    CurrentAccount current;
    @Inject
    Clock clock;

    /** Stores what was read from a document once: a document that already has proposals keeps them (reruns). */
    void propose(UUID uploadId, UUID documentId, List<LabProposal> found, Instant now) {
        if (labs.countByDocument(documentId) > 0) {
            return;
        }
        for (int i = 0; i < found.size(); i++) {
            LabProposal p = found.get(i);
            LabProposalRow row = new LabProposalRow(documentId, uploadId, i, p.page(), now);
            labs.persist(row);
            for (Map.Entry<String, String> f : LabFields.proposed(p).entrySet()) {
                labs.persist(new LabFieldRow(row.id, f.getKey(), cut(f.getValue()),
                        LabFields.UNIT.equals(f.getKey()) ? cut(p.unit()) : cut(f.getValue())));
            }
        }
    }

    /** The results of a document the caller has checked visible. */
    List<LabResultView> views(UUID documentId) {
        List<LabProposalRow> rows = labs.findByDocument(documentId);
        Map<UUID, List<LabFieldRow>> fields = labs.fields(rows.stream().map(r -> r.id).toList()).stream()
                .collect(Collectors.groupingBy(f -> f.proposalId));
        return rows.stream().map(r -> view(r, fields.getOrDefault(r.id, List.of()))).toList();
    }

    /**
     * Applies a coordinator's decisions to one result, all or nothing: every bad value is named in the 400's field
     * errors and nothing is changed. A settled result answers 409 {@code already_decided}.
     */
    @Transactional
    LabDecided decide(UUID documentId, String resultId, LabDecisionRequest request) {
        UploadDocument d = documents.findById(documentId);
        UUID id = CurrentAccount.parse(resultId);
        LabProposalRow row = id == null ? null : labs.findById(id, jakarta.persistence.LockModeType.PESSIMISTIC_WRITE);
        if (row == null || !row.documentId.equals(d.id)) {
            throw current.denied("lab_result", String.valueOf(resultId), null);
        }
        if (!LabProposalRow.PENDING.equals(row.outcome)) {
            throw new OutcomeException(Outcome.ALREADY_DECIDED, "This lab result is already settled ("
                    + row.outcome.replace('_', ' ') + ").");
        }
        Map<String, LabFieldRow> fields = new HashMap<>();
        labs.fields(List.of(row.id)).forEach(f -> fields.put(f.field, f));
        Map<String, LabFieldDecision> wanted = wanted(request, fields);
        List<FieldError> errors = new ArrayList<>();
        Map<String, String> checked = new HashMap<>();
        for (LabFieldDecision fd : wanted.values()) {
            LabFieldRow f = fields.get(fd.field());
            if (LabFieldRow.DROPPED.equals(fd.decision())) {
                continue;
            }
            String value = LabFieldRow.CORRECTED.equals(fd.decision()) ? fd.value() : f.proposed;
            try {
                checked.put(fd.field(), LabFields.check(fd.field(), value));
            } catch (LabFields.Invalid e) {
                errors.add(new FieldError(fd.field(), e.getMessage()));
            }
        }
        if (!errors.isEmpty()) {
            throw new OutcomeException(Outcome.VALIDATION_FAILED, "The request has invalid fields.", errors);
        }
        Actor actor = current.actor();
        Instant now = clock.instant();
        for (LabFieldDecision fd : wanted.values()) {
            LabFieldRow f = fields.get(fd.field());
            String value = checked.get(fd.field());
            boolean same = value == null ? f.proposed == null : value.equals(f.proposed);
            f.decision = LabFieldRow.DROPPED.equals(fd.decision()) ? LabFieldRow.DROPPED
                    : same ? LabFieldRow.CONFIRMED : LabFieldRow.CORRECTED;
            f.corrected = LabFieldRow.CORRECTED.equals(f.decision) ? value : null;
            f.decidedBy = actor.accountId();
            f.decidedByUsername = actor.username();
            f.decidedAt = now;
        }
        Upload upload = uploads.findById(d.uploadId);
        settle(row, fields, d, upload);
        return new LabDecided(view(row, List.copyOf(fields.values())), wanted.values().stream()
                .map(x -> x.field() + ":" + fields.get(x.field()).decision).toList());
    }

    /** The request's decisions by field, checked for shape, plus {@code rest} for every other pending field. */
    private static Map<String, LabFieldDecision> wanted(LabDecisionRequest request,
            Map<String, LabFieldRow> fields) {
        if (request == null || (request.fields() == null || request.fields().isEmpty()) && request.rest() == null) {
            throw OutcomeException.invalid("fields", "Decide at least one field: confirmed, corrected or dropped.");
        }
        Map<String, LabFieldDecision> wanted = new LinkedHashMap<>();
        List<FieldError> errors = new ArrayList<>();
        for (LabFieldDecision fd : request.fields() == null ? List.<LabFieldDecision>of() : request.fields()) {
            if (fd == null || fd.field() == null || !fields.containsKey(fd.field())) {
                errors.add(new FieldError("fields", "Not a field of a lab result: " + (fd == null ? "null"
                        : fd.field()) + ". Use " + String.join(", ", LabFields.ALL) + "."));
            } else if (!List.of(LabFieldRow.CONFIRMED, LabFieldRow.CORRECTED, LabFieldRow.DROPPED)
                    .contains(fd.decision())) {
                errors.add(new FieldError(fd.field(), "Choose confirmed, corrected or dropped."));
            } else if (!LabFieldRow.PENDING.equals(fields.get(fd.field()).decision)) {
                errors.add(new FieldError(fd.field(), "This field is already decided."));
            } else if (wanted.put(fd.field(), fd) != null) {
                errors.add(new FieldError(fd.field(), "Decide each field once."));
            }
        }
        if (request.rest() != null && !List.of(LabFieldRow.CONFIRMED, LabFieldRow.DROPPED).contains(request.rest())) {
            errors.add(new FieldError("rest", "Use confirmed or dropped for the other fields."));
        }
        if (!errors.isEmpty()) {
            throw new OutcomeException(Outcome.VALIDATION_FAILED, "The request has invalid fields.", errors);
        }
        if (request.rest() != null) {
            for (String name : LabFields.ALL) {
                LabFieldRow f = fields.get(name);
                if (f != null && LabFieldRow.PENDING.equals(f.decision) && !wanted.containsKey(name)) {
                    wanted.put(name, new LabFieldDecision(name, request.rest(), null));
                }
            }
        }
        return wanted;
    }

    /** Once no field is pending: the record, left out by the person's settings, or dropped. */
    private void settle(LabProposalRow row, Map<String, LabFieldRow> fields, UploadDocument d, Upload upload) {
        if (fields.values().stream().anyMatch(f -> LabFieldRow.PENDING.equals(f.decision))) {
            return;
        }
        Map<String, String> decided = new HashMap<>();
        fields.values().forEach(f -> decided.put(f.field, f.decidedValue()));
        if (LabFields.REQUIRED.stream().anyMatch(r -> decided.get(r) == null)) {
            row.outcome = LabProposalRow.DROPPED;
            return;
        }
        String id = LabObservation.id(upload.id, d.id, row.position);
        boolean taken = records.importIfAllowed(upload.personId, RecordSource.upload(upload.id),
                LabObservation.build(id, decided, upload.personId, d.id, d.name, row.page)).isPresent();
        row.outcome = taken ? LabProposalRow.RECORDED : LabProposalRow.LEFT_OUT;
        row.recordId = taken ? id : null;
    }

    private static LabResultView view(LabProposalRow r, List<LabFieldRow> fields) {
        List<LabFieldView> views = fields.stream().sorted(Comparator.comparingInt(f -> LabFields.ALL.indexOf(f.field)))
                .map(f -> new LabFieldView(f.field, f.proposed, f.printed, f.corrected, f.decision,
                        LabFieldRow.PENDING.equals(f.decision) ? f.proposed : f.decidedValue(), f.decidedByUsername,
                        f.decidedAt)).toList();
        return new LabResultView(r.id, r.documentId, r.position, r.page, r.outcome, r.recordId, views);
    }

    private static String cut(String s) {
        return s == null || s.length() <= 200 ? s : s.substring(0, 199) + "…";
    }
}
