-- Stored FHIR R4 records: one row per (source, resource type, resource id); the resource JSON as received.
create table health_record (
    id            uuid primary key,
    person_id     uuid not null references person (id),
    source_kind   varchar(20) not null,
    source_id     uuid not null,
    resource_type varchar(64) not null,
    resource_id   varchar(128) not null,
    category      varchar(20) not null,
    display       varchar(500),
    record_date   date,
    state         varchar(10) not null,
    version_id    varchar(64),
    last_updated  varchar(40),
    fetched_at    timestamp with time zone not null,
    resource      varchar(4000000) not null,
    constraint uq_health_record_source unique (source_kind, source_id, resource_type, resource_id)
);
create index ix_health_record_person on health_record (person_id, state, category);

-- What a person imports: categories switched off (all on by default) and whether email notices are wanted.
create table record_settings (
    person_id           uuid primary key references person (id),
    disabled_categories varchar(300) not null,
    email_notifications boolean not null
);

-- One sync of one connection: when, what it brought, how it ended (a code, never text).
create table sync_run (
    id              uuid primary key,
    connection_id   uuid not null references connection (id),
    started_at      timestamp with time zone not null,
    finished_at     timestamp with time zone,
    new_records     integer not null,
    updated_records integer not null,
    outcome         varchar(20),
    failure_code    varchar(40)
);
create index ix_sync_run_connection on sync_run (connection_id, started_at);
