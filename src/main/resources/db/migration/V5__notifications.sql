-- In-app notices for a person: what happened (a code), about what (id and display name), where to act, read or not.
create table notice (
    id           uuid primary key,
    person_id    uuid not null references person (id),
    kind         varchar(40) not null,
    subject_id   uuid,
    subject_name varchar(300),
    link         varchar(500),
    created_at   timestamp with time zone not null,
    read_at      timestamp with time zone
);
create index ix_notice_person on notice (person_id, read_at, created_at);
