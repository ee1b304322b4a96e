-- Ferry's client registrations at portals (issue 23, item 2): per portal or per brand (the EHR vendor code of the
-- portal's FHIR endpoint, e.g. epic), how Ferry authenticates at the token endpoint. A client secret is only ever
-- stored sealed by the credential vault (client_secret); a signed-JWT registration names the kid of one of Ferry's
-- signing keys (key files, ferry.jwks.keys). Precedence: portal > brand > ferry.smart.clients > public client.

create table client_secret (
    id         uuid primary key,
    key_id     varchar(64) not null,
    sealed     bytea not null,
    updated_at timestamp with time zone not null
);

create table client_registration (
    id          uuid primary key,
    portal_id   uuid references portal (id) on delete cascade,
    brand       varchar(32),
    client_id   varchar(255) not null,
    auth_method varchar(24) not null,
    secret_id   uuid references client_secret (id),
    key_id      varchar(64),
    updated_at  timestamp with time zone not null,
    constraint uq_client_registration_portal unique (portal_id),
    constraint uq_client_registration_brand unique (brand),
    constraint ck_client_registration_scope check ((portal_id is null and brand is not null)
        or (portal_id is not null and brand is null)),
    constraint ck_client_registration_method check (auth_method in ('public', 'client_secret_basic',
        'private_key_jwt')),
    constraint ck_client_registration_secret check ((auth_method = 'client_secret_basic' and secret_id is not null)
        or (auth_method <> 'client_secret_basic' and secret_id is null)),
    constraint ck_client_registration_key check ((auth_method = 'private_key_jwt' and key_id is not null)
        or (auth_method <> 'private_key_jwt' and key_id is null))
);

-- Signing keys an admin retired after a rotation: no longer published at the JWKS URL nor usable by a registration.
create table signing_key_retired (
    kid        varchar(64) primary key,
    retired_at timestamp with time zone not null
);
