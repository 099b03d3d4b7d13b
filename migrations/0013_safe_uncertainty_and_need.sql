-- Safe uncertainty and the holistic assessment of need.
--
-- Safe uncertainty: where the work with a child stands on Mason's grid (safe or unsafe, certain
-- or uncertain), recorded on a date with reasons. Append-only: the path over time is the point,
-- so the application role may insert and read positions but never change or remove one.
-- "What we do not know yet": questions and hypotheses, each with a date to revisit and, later,
-- what was found. Recording a finding is an update, kept as versions in record_versions
-- (record_type 'safe_uncertainty_question').
--
-- The assessment of need: a series (need_assessments) of versions (need_assessment_versions),
-- each draft -> submitted -> signed off by a manager, or returned to draft with a comment. A
-- signed-off version is locked: the trigger below refuses any change or removal, whoever
-- asks. Every change of a version is also kept in record_versions (record_type
-- 'need_assessment'), numbered by the version's revision.

create table safe_uncertainty_positions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  position text not null
    check (position in ('safe_certainty', 'safe_uncertainty', 'unsafe_uncertainty', 'unsafe_certainty')),
  reasons text not null check (length(btrim(reasons)) between 1 and 4000),
  assessed_on date not null,
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  recorded_by_label text not null check (length(recorded_by_label) <= 300),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id)
);
create index safe_uncertainty_positions_child_idx
  on safe_uncertainty_positions (tenant_id, child_person_id, assessed_on);

create table safe_uncertainty_questions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  kind text not null check (kind in ('question', 'hypothesis')),
  wording text not null check (length(btrim(wording)) between 1 and 2000),
  raised_on date not null,
  revisit_on date not null,
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  recorded_by_label text not null check (length(recorded_by_label) <= 300),
  finding text check (length(finding) <= 4000),
  found_on date,
  finding_recorded_at timestamptz,
  finding_recorded_by uuid,
  finding_recorded_by_label text check (length(finding_recorded_by_label) <= 300),
  version integer not null default 1,
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  check (revisit_on >= raised_on),
  -- A finding comes with the date it was found and who recorded it, or not at all.
  check ((finding is null) = (found_on is null)),
  check ((finding is null) = (finding_recorded_at is null)),
  check (finding is null or finding_recorded_by_label is not null)
);
create index safe_uncertainty_questions_child_idx
  on safe_uncertainty_questions (tenant_id, child_person_id, revisit_on);

create table need_assessments (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  started_at timestamptz not null default now(),
  started_by uuid,
  started_by_label text not null check (length(started_by_label) <= 300),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id)
);
create index need_assessments_child_idx on need_assessments (tenant_id, child_person_id, started_at);

create table need_assessment_versions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  assessment_id uuid not null,
  version_number integer not null check (version_number >= 1),
  status text not null default 'draft' check (status in ('draft', 'submitted', 'signed_off')),
  -- Counts every saved change of this version: a save from an older revision is refused.
  revision integer not null default 1 check (revision >= 1),
  development_strengths text not null default '' check (length(development_strengths) <= 10000),
  development_needs text not null default '' check (length(development_needs) <= 10000),
  development_child_view text not null default '' check (length(development_child_view) <= 10000),
  development_family_view text not null default '' check (length(development_family_view) <= 10000),
  parenting_strengths text not null default '' check (length(parenting_strengths) <= 10000),
  parenting_needs text not null default '' check (length(parenting_needs) <= 10000),
  parenting_child_view text not null default '' check (length(parenting_child_view) <= 10000),
  parenting_family_view text not null default '' check (length(parenting_family_view) <= 10000),
  environment_strengths text not null default '' check (length(environment_strengths) <= 10000),
  environment_needs text not null default '' check (length(environment_needs) <= 10000),
  environment_child_view text not null default '' check (length(environment_child_view) <= 10000),
  environment_family_view text not null default '' check (length(environment_family_view) <= 10000),
  analysis text not null default '' check (length(analysis) <= 20000),
  recommendation text not null default '' check (length(recommendation) <= 10000),
  author_user_id uuid not null,
  author_label text not null check (length(author_label) <= 300),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  updated_by_label text not null check (length(updated_by_label) <= 300),
  submitted_at timestamptz,
  submitted_by uuid,
  submitted_by_label text check (length(submitted_by_label) <= 300),
  signed_off_at timestamptz,
  signed_off_by uuid,
  signed_off_by_label text check (length(signed_off_by_label) <= 300),
  sign_off_comment text check (length(sign_off_comment) <= 4000),
  returned_at timestamptz,
  returned_by uuid,
  returned_by_label text check (length(returned_by_label) <= 300),
  return_comment text check (length(return_comment) <= 4000),
  primary key (tenant_id, id),
  unique (tenant_id, assessment_id, version_number),
  foreign key (tenant_id, assessment_id) references need_assessments (tenant_id, id),
  check (status = 'draft' or submitted_at is not null),
  -- Signed off means: by someone, when, with their comment; and never by the version's
  -- author or the person who submitted it (a second pair of eyes).
  check ((status = 'signed_off') = (signed_off_at is not null)),
  check (status <> 'signed_off' or (signed_off_by is not null and length(btrim(sign_off_comment)) > 0)),
  check (signed_off_by is null or (signed_off_by <> author_user_id and signed_off_by is distinct from submitted_by))
);
-- At most one version of a series is being worked on (draft or submitted) at a time.
create unique index need_assessment_versions_open_idx
  on need_assessment_versions (tenant_id, assessment_id) where status <> 'signed_off';

-- The lock, kept by the database whoever asks: a signed-off version can never change or be
-- removed; a version moves only draft -> submitted -> signed off (or back to draft when a
-- manager returns it); and what it says can change only while it is a draft.
create function need_assessment_versions_guard() returns trigger
language plpgsql as $$
begin
  if old.status = 'signed_off' then
    raise exception 'A signed-off assessment of need cannot be changed: start a new version'
      using errcode = '55000';
  end if;
  if tg_op = 'DELETE' then
    return old;
  end if;
  if new.status is distinct from old.status and not (
      (old.status = 'draft' and new.status = 'submitted')
      or (old.status = 'submitted' and new.status in ('signed_off', 'draft'))) then
    raise exception 'An assessment of need cannot go from % to %', old.status, new.status
      using errcode = '55000';
  end if;
  if old.status <> 'draft' and row(
      new.development_strengths, new.development_needs, new.development_child_view, new.development_family_view,
      new.parenting_strengths, new.parenting_needs, new.parenting_child_view, new.parenting_family_view,
      new.environment_strengths, new.environment_needs, new.environment_child_view, new.environment_family_view,
      new.analysis, new.recommendation, new.author_user_id, new.assessment_id, new.version_number)
    is distinct from row(
      old.development_strengths, old.development_needs, old.development_child_view, old.development_family_view,
      old.parenting_strengths, old.parenting_needs, old.parenting_child_view, old.parenting_family_view,
      old.environment_strengths, old.environment_needs, old.environment_child_view, old.environment_family_view,
      old.analysis, old.recommendation, old.author_user_id, old.assessment_id, old.version_number) then
    raise exception 'Only a draft assessment of need can be edited' using errcode = '55000';
  end if;
  return new;
end
$$;
create trigger need_assessment_versions_guard
  before update or delete on need_assessment_versions
  for each row execute function need_assessment_versions_guard();

do $$
declare
  table_name text;
begin
  foreach table_name in array array[
    'safe_uncertainty_positions', 'safe_uncertainty_questions', 'need_assessments', 'need_assessment_versions']
  loop
    execute format('alter table %I enable row level security', table_name);
    execute format('alter table %I force row level security', table_name);
    execute format(
      'create policy %I on %I using (tenant_id = kith_current_tenant()) with check (tenant_id = kith_current_tenant())',
      table_name || '_isolation', table_name);
    execute format('grant select, insert on %I to kith_app', table_name);
  end loop;
end
$$;
-- Positions and the series rows are append-only; questions (a finding) and versions change.
grant update on safe_uncertainty_questions, need_assessment_versions to kith_app;
