-- Portal directory: organisations, their doctors, the patient portals people sign in to, and FHIR endpoints.
-- Imported lists update rows in place through their unique keys (source_key, address_key); nothing is deleted
-- by an import. Portable between H2 (MODE=PostgreSQL) and PostgreSQL. Ids are UUIDs; times are UTC.

create table organisation (
    id         uuid primary key,
    source_key varchar(512) not null,
    name       varchar(300) not null,
    kind       varchar(16) not null,
    city       varchar(120),
    state      varchar(64),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    constraint uq_organisation_source unique (source_key),
    constraint ck_organisation_kind check (kind in ('hospital', 'clinic', 'office', 'other'))
);

create table organisation_alias (
    organisation_id uuid not null references organisation (id) on delete cascade,
    position        integer not null,
    alias           varchar(300) not null,
    primary key (organisation_id, position)
);

create table doctor (
    id              uuid primary key,
    organisation_id uuid not null references organisation (id) on delete cascade,
    name            varchar(200) not null,
    name_key        varchar(200) not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint uq_doctor unique (organisation_id, name_key)
);

-- address_key: the base URL lower-cased without a trailing slash, so re-imports and case variants meet.
create table fhir_endpoint (
    id               uuid primary key,
    address          varchar(1024) not null,
    address_key      varchar(1024) not null,
    name             varchar(300),
    ehr_vendor       varchar(32),
    fhir_version     varchar(16),
    status           varchar(16) not null,
    authorize_url    varchar(1024),
    token_url        varchar(1024),
    smart_checked_at timestamp with time zone,
    created_at       timestamp with time zone not null,
    updated_at       timestamp with time zone not null,
    constraint uq_fhir_endpoint_address unique (address_key)
);

create table fhir_endpoint_organisation (
    endpoint_id     uuid not null references fhir_endpoint (id) on delete cascade,
    organisation_id uuid not null references organisation (id) on delete cascade,
    primary key (endpoint_id, organisation_id)
);

-- source_key is null for portals participants asked for; status_decided_at is set once an admin decides, and
-- then imports leave support_status alone.
create table portal (
    id                uuid primary key,
    source_key        varchar(512),
    name              varchar(300) not null,
    name_key          varchar(300) not null,
    ehr_vendor        varchar(32),
    connection_method varchar(16) not null,
    support_status    varchar(16) not null,
    status_decided_at timestamp with time zone,
    requested_by      uuid references account (id),
    requested_at      timestamp with time zone,
    created_at        timestamp with time zone not null,
    updated_at        timestamp with time zone not null,
    version           integer not null default 0,
    constraint uq_portal_source unique (source_key),
    constraint ck_portal_method check (connection_method in ('smart', 'credentials')),
    constraint ck_portal_support check (support_status in ('supported', 'pending', 'not_supported'))
);
create index ix_portal_name_key on portal (name_key);

-- host and path are the normalised lookup form (lower case, no www., no port, no trailing slash); url is shown.
create table portal_website (
    portal_id uuid not null references portal (id) on delete cascade,
    position  integer not null,
    url       varchar(1024) not null,
    host      varchar(253) not null,
    path      varchar(512) not null,
    primary key (portal_id, position)
);
create index ix_portal_website_host on portal_website (host);

create table portal_organisation (
    portal_id       uuid not null references portal (id) on delete cascade,
    organisation_id uuid not null references organisation (id) on delete cascade,
    primary key (portal_id, organisation_id)
);
create index ix_portal_organisation_org on portal_organisation (organisation_id);

create table portal_endpoint (
    portal_id   uuid not null references portal (id) on delete cascade,
    endpoint_id uuid not null references fhir_endpoint (id) on delete cascade,
    primary key (portal_id, endpoint_id)
);
