-- A person's records of one state are listed (the JSON API, the records pages) in one order: category, newest first
-- with undated records last, display, id. This index holds them by category and date in that order, so PostgreSQL
-- reads the list in order and sorts only records of the same category and date (an incremental sort), instead of
-- sorting the whole list. It stays as narrow as the index it replaces, ix_health_record_person (its first three
-- columns), so an import's writes cost what they did: with display, id and the other listed columns in it, a
-- 4,215-record import took a third longer (docs/benchmarks.md, rows 3 and 5).
create index ix_health_record_list on health_record (person_id, state, category, record_date desc nulls last);
drop index ix_health_record_person;
