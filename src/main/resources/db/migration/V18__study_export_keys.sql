-- Issue 21 (6): a study's exports re-key resource ids and references with a key of that study's own, so ids are
-- stable within a study and unrelated across studies. 32 random bytes in base64, made on a study's first export.
create table study_export_key (
    study_id   varchar(64) primary key,
    secret     varchar(64) not null,
    created_at timestamp with time zone not null
);
