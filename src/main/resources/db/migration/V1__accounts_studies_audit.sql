-- Foundation schema: accounts and the people they act for, study enrolment and consent, the audit trail.
-- One IdP per deployment: an account is its token subject (the issuer is kept for the record).
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL. Ids are UUIDs; times are UTC.

create table account (
    id              uuid primary key,
    issuer          varchar(512) not null,
    subject         varchar(255) not null,
    username        varchar(255) not null,
    display_name    varchar(255) not null,
    email           varchar(320),
    created_at      timestamp with time zone not null,
    last_sign_in_at timestamp with time zone not null,
    constraint uq_account_subject unique (subject)
);
create index ix_account_username on account (username);

create table person (
    id                    uuid primary key,
    account_id            uuid not null references account (id),
    relationship          varchar(16) not null,
    display_name          varchar(200) not null,
    birth_date            date,
    authority_attested_at timestamp with time zone,
    created_at            timestamp with time zone not null,
    updated_at            timestamp with time zone not null,
    removed_at            timestamp with time zone,
    version               integer not null default 0,
    constraint ck_person_relationship check (relationship in ('self', 'child', 'ward'))
);
create index ix_person_account on person (account_id);

create table enrolment (
    id              uuid primary key,
    study_id        varchar(64) not null,
    person_id       uuid not null references person (id),
    status          varchar(16) not null,
    consent_version varchar(32) not null,
    enrolled_at     timestamp with time zone not null,
    withdrawn_at    timestamp with time zone,
    enrolled_by     uuid not null references account (id),
    pseudonym       varchar(32) not null,
    version         integer not null default 0,
    constraint uq_enrolment unique (study_id, person_id),
    constraint uq_enrolment_pseudonym unique (study_id, pseudonym),
    constraint ck_enrolment_status check (status in ('active', 'withdrawn'))
);
create index ix_enrolment_person on enrolment (person_id);

-- Every consent given or withdrawn, never updated.
create table consent_event (
    id              uuid primary key,
    enrolment_id    uuid not null references enrolment (id),
    action          varchar(16) not null,
    consent_version varchar(32) not null,
    at              timestamp with time zone not null,
    by_account      uuid not null references account (id),
    constraint ck_consent_action check (action in ('given', 'withdrawn'))
);
create index ix_consent_enrolment on consent_event (enrolment_id);

-- Append-only audit trail: who, acting for whom, what, when, outcome. No PHI, no secrets.
create table audit_event (
    id             uuid primary key,
    at             timestamp with time zone not null,
    actor_id       uuid,
    actor_username varchar(255),
    actor_role     varchar(32),
    subject_person uuid,
    action         varchar(64) not null,
    object_type    varchar(64),
    object_id      varchar(128),
    study_id       varchar(64),
    outcome        varchar(16) not null,
    source_ip      varchar(64),
    detail         varchar(512)
);
create index ix_audit_at on audit_event (at);
create index ix_audit_subject on audit_event (subject_person, at);
