-- Scheduled syncs. One job per (connection, period): the period is the weekly trigger's scheduled fire time, so
-- every instance that fires the trigger enqueues against the same key and a connection is synced once per period.
-- Any instance's workers claim a due job with SELECT ... FOR UPDATE SKIP LOCKED under a lease (owner, expiry);
-- attempts, raised by each claim, fences later writes. A job whose lease expired (crashed worker) is claimed again.
create table sync_job (
    id               uuid primary key,
    connection_id    uuid not null references connection (id),
    period_start     timestamp with time zone not null,
    state            varchar(10) not null,
    run_after        timestamp with time zone not null,
    attempts         integer not null,
    lease_owner      varchar(100),
    lease_expires_at timestamp with time zone,
    sync_run_id      uuid,
    last_error       varchar(40),
    updated_at       timestamp with time zone not null,
    constraint uq_sync_job_period unique (connection_id, period_start),
    constraint ck_sync_job_state check (state in ('queued', 'running', 'done'))
);
create index ix_sync_job_due on sync_job (state, run_after);

-- Incremental fetches: the _lastUpdated bound a run asked the portal for (null: everything was read).
alter table sync_run add column changes_since timestamp with time zone;

-- When the portal said a connection's access ends for good (SMART refresh_token_expires_in, a session's end):
-- the participant is reminded a week before and when it has ended.
alter table connection add column access_ends_at timestamp with time zone;
