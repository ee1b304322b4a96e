-- One record per fact (issue 21, point 5) and where each record came from (point 4).
--
-- A resource from one source is still one health_record row per (source, type, resource id), so a re-sync stays
-- idempotent. A row whose fact a record of the same person from another source already holds is stored in the new
-- state 'merged' (every list, count, export and share filters by state, so it shows nowhere on its own) and linked
-- to that canonical record here; the canonical record's sources are its own and those of the rows merged into it.
create table record_merge (
    duplicate_id uuid primary key references health_record (id),
    record_id    uuid not null references health_record (id),
    person_id    uuid not null references person (id)
);
create index ix_record_merge_record on record_merge (record_id);

-- The match keys of canonical records: identifier keys (type, system, value) and fact keys (type, code system,
-- code, day, and for an Observation its value), each SHA-256'd to 128 bits and written as a uuid, with the record's
-- source id (a connection's or an upload's, both random uuids). One look-up per imported page (person, key_hash =
-- any (...), another source) finds the records a page's facts are already held by, from the index alone. No foreign
-- keys: an import writes a key row per fact as it writes the records (docs/benchmarks.md, row 3), and RecordStore
-- deletes a record's keys whenever the record stops being matchable.
create table record_fact_key (
    person_id uuid not null,
    key_hash  uuid not null,
    source_id uuid not null,
    record_id uuid not null,
    constraint pk_record_fact_key primary key (person_id, key_hash, source_id, record_id)
);
create index ix_record_fact_key_record on record_fact_key (record_id);

-- The document inside an upload (upload_document) a record was read from; null for portal records.
alter table health_record add column source_document uuid;
