create table floor_marker (id bigint primary key);
