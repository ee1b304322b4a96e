-- Issue 23, item 6: the attachments of a portal's DocumentReferences become Supporting Documents uploads of their
-- own (reviewed like any upload). Such an upload was not sent by the participant, so it answers no prerequisite
-- question; it names the connection it came from instead.
alter table upload alter column confirmation_id drop not null;
alter table upload add column source_connection_id uuid references connection (id);

-- What each sync made of each attachment it met: fetched, or why not (too large, over the run's total, not found,
-- not an accepted type, the portal did not answer, an address off the portal). A fetched attachment is not fetched
-- again while its DocumentReference keeps its version.
create table sync_attachment (
    id               uuid primary key,
    connection_id    uuid not null references connection (id),
    sync_run_id      uuid not null references sync_run (id),
    document_id      varchar(128) not null,
    document_version varchar(64) not null,
    position         integer not null,
    title            varchar(300),
    outcome          varchar(24) not null,
    size_bytes       bigint,
    recorded_at      timestamp with time zone not null,
    constraint ck_sync_attachment_outcome check (outcome in ('fetched', 'too_large', 'over_total', 'not_found',
        'wrong_type', 'unavailable', 'not_on_portal'))
);
create index ix_sync_attachment_document on sync_attachment (connection_id, document_id, document_version);
