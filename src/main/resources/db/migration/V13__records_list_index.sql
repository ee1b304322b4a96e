-- A person's records of one state are listed (the JSON API, the records pages) in one order: category, newest first
-- with undated records last, display, id. This index holds them in that order with every listed column, so the list
-- is read in order without a sort (on PostgreSQL from the index alone once the table is vacuumed). It replaces
-- ix_health_record_person, whose columns are its first three.
create index ix_health_record_list on health_record
    (person_id, state, category, record_date desc nulls last, display, id, resource_type, source_kind, source_id);
drop index ix_health_record_person;
