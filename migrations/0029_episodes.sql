-- Episodes (issue 23, the case spine): referrals and their assessments, the steps of child
-- protection, episodes of help, and the closure of a case.
--
-- A referral starts an assessment with its clock (45 working days from the referral, derived
-- from the council's working-day calendar, never stored); its outcome and the national
-- assessment factor codes are recorded on the referral, which may name the assessment of need
-- (need_assessments) that is this assessment. The contact it came from (the front door,
-- migration 0030) is kept by id: that table is made after this one.
--
-- An episode of help is Family Help (with its lead practitioner, who may work for a partner
-- agency), child protection (the child protection plan, with its categories and its lead child
-- protection practitioner), child in care or care leaver: each with a start, an end, the
-- primary need code it started for and the reason-for-closure code it ended with (CIN census
-- codes, src/features/episodes/codes.ts). Step up and step down keep the episode stepped from.
-- Episodes of the same kind never overlap: the service checks it, holding the child's episodes
-- for its transaction.
--
-- The steps of child protection (strategy discussion, section 47 enquiry, initial and review
-- conferences) are rows of protection_steps; a conference may name its meeting (meetings).
--
-- Codes are checked by the service against codes.ts; here only their shape is checked, so a
-- new year's list does not need a migration.

create table referrals (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  referred_on date not null,
  source text not null check (length(btrim(source)) between 1 and 200),
  contact_id uuid,
  primary_need_code text check (primary_need_code ~ '^N[0-9]$'),
  need_assessment_id uuid,
  assessment_outcome text check (assessment_outcome in
    ('no_further_action', 'early_help', 'child_in_need_plan', 'strategy_discussion')),
  assessment_completed_on date,
  assessment_factors text[] not null default '{}',
  outcome_reasons text check (length(outcome_reasons) <= 4000),
  outcome_recorded_by_label text check (length(outcome_recorded_by_label) <= 300),
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  recorded_by_label text not null check (length(recorded_by_label) <= 300),
  version integer not null default 1,
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, need_assessment_id) references need_assessments (tenant_id, id),
  -- An outcome comes with the date the assessment was completed, or not at all.
  check ((assessment_outcome is null) = (assessment_completed_on is null)),
  check (assessment_completed_on is null or assessment_completed_on >= referred_on)
);
create index referrals_child_idx on referrals (tenant_id, child_person_id, referred_on);

create table episodes (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  kind text not null check (kind in ('family_help', 'child_protection', 'child_in_care', 'care_leaver')),
  -- The council's own name for it ("Early help", "Child in need"), if it has one.
  service_name text check (length(service_name) <= 100),
  starts_on date not null,
  ends_on date,
  primary_need_code text check (primary_need_code ~ '^N[0-9]$'),
  closure_reason_code text check (closure_reason_code ~ '^RC[0-9]$'),
  lead_practitioner text check (length(lead_practitioner) <= 300),
  lead_agency text check (length(lead_agency) <= 300),
  plan_categories text[] not null default '{}',
  referral_id uuid,
  stepped_from_episode_id uuid,
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  recorded_by_label text not null check (length(recorded_by_label) <= 300),
  ended_by_label text check (length(ended_by_label) <= 300),
  version integer not null default 1,
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, referral_id) references referrals (tenant_id, id),
  foreign key (tenant_id, stepped_from_episode_id) references episodes (tenant_id, id),
  check (ends_on is null or ends_on >= starts_on),
  check ((ends_on is null) = (closure_reason_code is null)),
  check (kind = 'child_protection' or cardinality(plan_categories) = 0)
);
create index episodes_child_idx on episodes (tenant_id, child_person_id, starts_on);

create table protection_steps (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  kind text not null check (kind in
    ('strategy_discussion', 'section_47_enquiry', 'initial_conference', 'review_conference')),
  held_on date not null,
  who_took_part text check (length(who_took_part) <= 2000),
  decision text not null check (length(btrim(decision)) between 1 and 4000),
  outcome text not null check (outcome ~ '^[a-z0-9_]{1,40}$'),
  meeting_id uuid,
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  recorded_by_label text not null check (length(recorded_by_label) <= 300),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, meeting_id) references meetings (tenant_id, id)
);
create index protection_steps_child_idx on protection_steps (tenant_id, child_person_id, held_on);

create table case_closures (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  closed_on date not null,
  reason_code text not null check (reason_code ~ '^RC[0-9]$'),
  summary_to_family text not null check (length(btrim(summary_to_family)) between 1 and 8000),
  -- Why the case was closed although actions were open or an assessment was not signed off.
  reason_to_go_on text check (length(reason_to_go_on) <= 2000),
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  recorded_by_label text not null check (length(recorded_by_label) <= 300),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id)
);
create index case_closures_child_idx on case_closures (tenant_id, child_person_id, closed_on);

do $$
declare
  table_name text;
begin
  foreach table_name in array array['referrals', 'episodes', 'protection_steps', 'case_closures'] loop
    execute format('alter table %I enable row level security', table_name);
    execute format('alter table %I force row level security', table_name);
    execute format(
      'create policy %I on %I using (tenant_id = kith_current_tenant()) with check (tenant_id = kith_current_tenant())',
      table_name || '_isolation', table_name);
    execute format('grant select, insert on %I to kith_app', table_name);
  end loop;
end
$$;
-- Referrals take their assessment's outcome, episodes their end; steps and closures are never changed.
grant update on referrals, episodes to kith_app;
