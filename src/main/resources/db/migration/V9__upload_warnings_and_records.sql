-- What an upload's XDM metadata (METADATA.XML) declares but its files contradict: a size or hash that differs, a
-- listed document missing, a document not listed, metadata that cannot be read. One row per problem, replaced when
-- the upload is classified again.
create table upload_warning (
    id        uuid primary key,
    upload_id uuid not null references upload (id),
    position  integer not null,
    document  varchar(1024) not null,
    code      varchar(40) not null,
    message   varchar(2000) not null,
    constraint uq_upload_warning unique (upload_id, position)
);

-- Structured records taken from a document (C-CDA sections, FHIR content): how many were imported for the person,
-- and a note on what could not be read (null when nothing went wrong). Null count: the document holds no records.
alter table upload_document add column records_extracted integer;
alter table upload_document add column records_note varchar(2000);
