-- Supporting Documents intake: prerequisite confirmations, one package per study and person, uploads with their
-- originals, documents, extracted text and skipped entries, and the durable processing job.
-- Portable between H2 (MODE=PostgreSQL) and PostgreSQL. File names are participant data: kept here, never logged.

-- "I tried to connect my portal and could not": who confirmed the study's question, for whom, when, and its words.
create table prerequisite_confirmation (
    id           uuid primary key,
    study_id     varchar(64) not null,
    person_id    uuid not null references person (id),
    question     varchar(500) not null,
    confirmed_by uuid not null references account (id),
    confirmed_at timestamp with time zone not null
);
create index ix_prerequisite_study_person on prerequisite_confirmation (study_id, person_id);

-- The study's Supporting Documents package for one enrolment: every upload and document attaches to it.
create table supporting_documents_package (
    id           uuid primary key,
    study_id     varchar(64) not null,
    person_id    uuid not null references person (id),
    enrolment_id uuid not null references enrolment (id),
    created_at   timestamp with time zone not null,
    constraint uq_supporting_documents_package unique (study_id, person_id)
);

-- One upload: a .zip (shape archive) or several files (shape files). duplicate_key holds content_sha256 while the
-- upload counts for "already uploaded" (NULLs never collide, so a failed upload frees it); idempotency keys are
-- unique per account.
create table upload (
    id                  uuid primary key,
    package_id          uuid not null references supporting_documents_package (id),
    study_id            varchar(64) not null,
    person_id           uuid not null references person (id),
    uploaded_by         uuid not null references account (id),
    confirmation_id     uuid not null references prerequisite_confirmation (id),
    shape               varchar(16) not null,
    status              varchar(24) not null,
    content_sha256      varchar(64) not null,
    duplicate_key       varchar(64),
    size_bytes          bigint not null,
    idempotency_key     varchar(200),
    progress_done       integer not null,
    progress_total      integer not null,
    rejection_code      varchar(40),
    rejection_message   varchar(1000),
    failure_code        varchar(40),
    unusual_compression boolean not null,
    received_at         timestamp with time zone not null,
    finished_at         timestamp with time zone,
    constraint uq_upload_content unique (study_id, person_id, duplicate_key),
    constraint uq_upload_idempotency unique (uploaded_by, idempotency_key),
    constraint ck_upload_shape check (shape in ('archive', 'files')),
    constraint ck_upload_status check (status in ('received', 'processing', 'ready_for_review', 'accepted',
        'rejected', 'failed'))
);
create index ix_upload_person on upload (person_id, received_at);

-- What the participant sent, kept as is: each file's bytes live in storage under originals/ by SHA-256.
create table upload_original (
    id         uuid primary key,
    upload_id  uuid not null references upload (id),
    position   integer not null,
    name       varchar(1024) not null,
    sha256     varchar(64) not null,
    size_bytes bigint not null,
    constraint uq_upload_original unique (upload_id, position)
);
create index ix_upload_original_sha on upload_original (sha256);

-- One document per archive entry or file: keyed by upload and entry index, so a job run twice adds nothing.
create table upload_document (
    id             uuid primary key,
    upload_id      uuid not null references upload (id),
    package_id     uuid not null references supporting_documents_package (id),
    entry_index    integer not null,
    name           varchar(1024) not null,
    blob_path      varchar(300) not null,
    size_bytes     bigint not null,
    sha256         varchar(64) not null,
    media_type     varchar(255) not null,
    extraction     varchar(16) not null,
    pages          integer not null,
    nested_archive boolean not null,
    kind           varchar(40),
    category       varchar(24),
    confidence     double precision,
    evidence       varchar(1000),
    created_at     timestamp with time zone not null,
    constraint uq_upload_document_entry unique (upload_id, entry_index)
);
create index ix_upload_document_package on upload_document (package_id);

-- Extracted text, UTF-8, cut at 1,000,000 bytes (truncated says so); apart so document lists never load it.
create table upload_document_text (
    document_id uuid primary key references upload_document (id),
    content     bytea not null,
    truncated   boolean not null
);

-- Entries left out on purpose (system clutter, empty files), with the reason code.
create table upload_skipped (
    id        uuid primary key,
    upload_id uuid not null references upload (id),
    position  integer not null,
    name      varchar(1024) not null,
    reason    varchar(40) not null,
    constraint uq_upload_skipped unique (upload_id, position)
);

-- The durable job: claimed with SELECT ... FOR UPDATE SKIP LOCKED, held by a lease (owner, expiry) that every step
-- renews; attempts doubles as the fencing token, so a worker whose lease was taken over can no longer write.
create table upload_job (
    upload_id        uuid primary key references upload (id),
    state            varchar(16) not null,
    attempts         integer not null,
    lease_owner      varchar(80),
    lease_expires_at timestamp with time zone,
    run_after        timestamp with time zone not null,
    last_error       varchar(40),
    updated_at       timestamp with time zone not null,
    constraint ck_upload_job_state check (state in ('queued', 'running', 'done'))
);
create index ix_upload_job_due on upload_job (state, run_after);
