-- Portal connections: one per person and portal, its status and failure code, and its sealed secrets.
create table connection (
    id                 uuid primary key,
    person_id          uuid not null references person (id),
    portal_id          uuid not null,
    portal_name        varchar(300) not null,
    method             varchar(16) not null,
    status             varchar(24) not null,
    failure_code       varchar(40),
    failure_at         timestamp with time zone,
    profiles_json      varchar(4000),
    action_url         varchar(1000),
    oauth_state_hash   varchar(64),
    oauth_started_at   timestamp with time zone,
    access_expires_at  timestamp with time zone,
    created_at         timestamp with time zone not null,
    updated_at         timestamp with time zone not null,
    connected_at       timestamp with time zone,
    disconnected_at    timestamp with time zone,
    version            integer not null default 0,
    constraint ck_connection_method check (method in ('smart', 'credentials')),
    constraint ck_connection_status check (status in ('authorizing', 'validating', 'connected', 'pending_portal',
        'not_supported', 'action_required', 'failed', 'disconnected'))
);
create index ix_connection_person on connection (person_id);
create index ix_connection_status on connection (status);
create unique index uq_connection_state on connection (oauth_state_hash);

-- Encrypted secrets of a connection (credentials, OAuth tokens, PKCE verifier, portal challenge): only
-- ciphertext, the key id that wraps it, and what it is for. Deleted on disconnect.
create table connection_secret (
    connection_id uuid not null references connection (id),
    kind          varchar(24) not null,
    key_id        varchar(64) not null,
    sealed        bytea not null,
    updated_at    timestamp with time zone not null,
    primary key (connection_id, kind)
);

-- Credential attempts per person and portal, for the cool-down after repeated failures (shared by instances).
create table connection_attempt (
    id         uuid primary key,
    person_id  uuid not null,
    portal_id  uuid not null,
    at         timestamp with time zone not null,
    outcome    varchar(40) not null
);
create index ix_attempt_person_portal on connection_attempt (person_id, portal_id, at);
