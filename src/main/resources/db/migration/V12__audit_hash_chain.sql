-- Hash chain over the audit trail (security plan S8). Every row written from now on carries its place in the chain
-- (seq, 1, 2, 3, … without gaps), the hash of the row before it and its own hash: SHA-256 over a canonical form of
-- its fields and prev_hash (health.ferry.audit.AuditEntry#canonical). Ferry moves the one-row head forward under a
-- row lock in the same transaction as the insert, so concurrent writers, on one instance or several, never fork it.
-- Rows written before this migration stay unchained (portable SQL has no SHA-256); the head remembers how many there
-- were, so the verifier notices rows added or removed without a place in the chain.
alter table audit_event add column seq bigint;
alter table audit_event add column prev_hash varchar(64);
alter table audit_event add column hash varchar(64);
alter table audit_event add constraint uq_audit_seq unique (seq);
alter table audit_event add constraint ck_audit_chained check ((seq is null and prev_hash is null and hash is null)
    or (seq is not null and prev_hash is not null and hash is not null));

create table audit_chain_head (
    id             integer primary key,
    seq            bigint not null,
    hash           varchar(64) not null,
    unchained_rows bigint not null,
    constraint ck_audit_chain_head_one check (id = 1)
);
insert into audit_chain_head (id, seq, hash, unchained_rows)
select 1, 0, '0000000000000000000000000000000000000000000000000000000000000000', count(*) from audit_event;
