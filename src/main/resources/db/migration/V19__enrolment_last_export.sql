-- Issue 21 (3): when a study last exported this participant's records, so the study page can say, beside the
-- choice of what to share, since when copies the study holds cannot be recalled.
alter table enrolment add column last_exported_at timestamp with time zone;
