-- Sharing per study and category (issue 21): what each enrolment shares, consent as a record of every change, and
-- when each study's consent version was first in force (the re-consent gate). H2 (MODE=PostgreSQL) and PostgreSQL.

-- The categories this enrolment shares with its study, as comma-separated codes (records.RecordCategory), always a
-- subset of what the study requests. Null only on enrolments made before this migration: their consent covered
-- every category the study requests, so null reads as exactly that.
alter table enrolment add column shared_categories varchar(400);

-- Every consent event carries what was shared at that moment; a sharing change and a re-consent are events too.
alter table consent_event add column shared_categories varchar(400);
alter table consent_event drop constraint ck_consent_action;
alter table consent_event add constraint ck_consent_action
    check (action in ('given', 'withdrawn', 'sharing_changed', 'reconsented'));

-- The first time Ferry ran with each consent version of each study. Records received after a study moved to a new
-- version do not flow to participants who consented to an older one, until they consent again.
create table study_consent_version (
    study_id        varchar(64) not null,
    consent_version varchar(32) not null,
    since           timestamp with time zone not null,
    constraint pk_study_consent_version primary key (study_id, consent_version)
);
