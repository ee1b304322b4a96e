-- The credential-attempt limit counts per owner account, portal and portal username (issue 22): a person's wards
-- no longer multiply it. username_key is a SHA-256 of the portal id and the lower-cased username, never the name.
-- connection_id and retry_at let a connection show when its cool-down ends. Rows before this version have no
-- account and no longer count (the window is minutes).
alter table connection_attempt add column account_id uuid;
alter table connection_attempt add column username_key varchar(64);
alter table connection_attempt add column connection_id uuid;
alter table connection_attempt add column retry_at timestamp with time zone;
create index ix_attempt_account_portal_user on connection_attempt (account_id, portal_id, username_key, at);
create index ix_attempt_connection on connection_attempt (connection_id, at);
