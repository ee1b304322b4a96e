-- Lab results proposed from a lab report's text (uploads.labs.LabValues), for a coordinator to confirm, correct or
-- drop field by field. One row per result found (document, position in reading order; re-reading a document adds
-- nothing), with the page it was found on and what happened to it: pending until every field is decided, then
-- recorded (an Observation for the person, record_id its FHIR id), left_out (the person's record settings turn lab
-- results off) or dropped (the test or the value was dropped). Portable between H2 and PostgreSQL.
create table lab_proposal (
    id          uuid primary key,
    document_id uuid not null references upload_document (id),
    upload_id   uuid not null references upload (id),
    position    integer not null,
    page        integer not null,
    outcome     varchar(12) default 'pending' not null,
    record_id   varchar(64),
    created_at  timestamp with time zone not null,
    constraint uq_lab_proposal unique (document_id, position),
    constraint ck_lab_proposal_outcome check (outcome in ('pending', 'recorded', 'left_out', 'dropped'))
);
create index ix_lab_proposal_upload on lab_proposal (upload_id);

-- Each field of a proposed result: test (the name as printed), code (LOINC), value, unit (UCUM), range, flag, date.
-- proposed is what Ferry read (null: nothing printed), corrected what the coordinator wrote instead, decision
-- pending, confirmed, corrected or dropped, with who decided and when.
create table lab_proposal_field (
    proposal_id         uuid not null references lab_proposal (id),
    field               varchar(8) not null,
    proposed            varchar(200),
    printed             varchar(200),
    corrected           varchar(200),
    decision            varchar(10) default 'pending' not null,
    decided_by          uuid references account (id),
    decided_by_username varchar(255),
    decided_at          timestamp with time zone,
    primary key (proposal_id, field),
    constraint ck_lab_field_decision check (decision in ('pending', 'confirmed', 'corrected', 'dropped'))
);
