-- When the person last switched a record category back on: the next sync of each connection then reads everything,
-- not only what changed since its last successful sync (records of that category would otherwise never arrive).
alter table record_settings add column categories_enabled_at timestamp with time zone;
