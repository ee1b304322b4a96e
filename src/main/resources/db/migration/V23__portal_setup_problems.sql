-- Portal set-up problems (issue 23): a portal refused Ferry's registration (invalid_client, unauthorized_client,
-- invalid_scope after the minimal retry) or published unusable SMART discovery. One open row per portal and error;
-- admins see them on /admin/directory and mark them fixed. The description is the portal's error_description,
-- sanitised and capped; it is never shown to participants.
create table portal_setup_problem (
    id            uuid primary key,
    portal_id     uuid not null references portal (id),
    error_code    varchar(64) not null,
    description   varchar(300),
    occurrences   integer not null,
    first_seen_at timestamp with time zone not null,
    last_seen_at  timestamp with time zone not null,
    resolved_at   timestamp with time zone
);
create index ix_portal_setup_problem_open on portal_setup_problem (resolved_at, last_seen_at);
create index ix_portal_setup_problem_portal on portal_setup_problem (portal_id, error_code);
-- The authorisation's scope set: 'minimal' once the portal refused the full set (invalid_scope) and Ferry asked
-- again with only what it cannot do without; null for the first attempt.
alter table connection add column oauth_scope_set varchar(16);
