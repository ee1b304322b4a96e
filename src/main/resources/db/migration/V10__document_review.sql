-- Coordinators' decisions on Supporting Documents: one current decision per document, with the reason the
-- participant reads, the kind or category the coordinator settled on, who decided and when. version is the
-- optimistic lock: two coordinators never silently overwrite each other. Portable between H2 and PostgreSQL.
create table document_review (
    document_id         uuid primary key references upload_document (id),
    upload_id           uuid not null references upload (id),
    study_id            varchar(64) not null,
    person_id           uuid not null references person (id),
    decision            varchar(16) not null,
    reason              varchar(1000),
    kind                varchar(40),
    category            varchar(24),
    decided_by          uuid not null references account (id),
    decided_by_username varchar(255) not null,
    decided_at          timestamp with time zone not null,
    version             integer not null,
    constraint ck_document_review_decision check (decision in ('accepted', 'rejected'))
);
create index ix_document_review_upload on document_review (upload_id);
create index ix_document_review_study on document_review (study_id, decision, decided_at);

-- The audit trail answers a person's access log and a study's funnel by person and action.
create index ix_audit_subject_action on audit_event (subject_person, action, at);
