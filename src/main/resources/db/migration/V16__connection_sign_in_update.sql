-- "Update sign-in details" on a working connection: the new details are tried first and replace the old ones only
-- when the portal accepts them; until then, and when it refuses them, the connection keeps working as it was.
alter table connection add column update_checking_since timestamp with time zone;
alter table connection add column update_failure_code varchar(64);
alter table connection add column update_failure_at timestamp with time zone;
