-- Plans made with the family. A plan holds its goals (in the family's words, the professional
-- wording beside them, and the worries each answers) and its actions (who, what, by when) as
-- one document, so every version of the whole plan is kept in record_versions (record_type
-- 'plan') with who changed it and why, and "what changed since we agreed this" is a plain
-- comparison of two versions. Reviews and each family member's agreement are their own rows.

create table plans (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  kind text not null check (kind in ('child_in_need', 'child_protection', 'child_in_care', 'early_help', 'family_plan')),
  title text not null check (length(title) between 1 and 200),
  starts_on date not null,
  review_by date,
  -- What support the family will get and from whom.
  support text check (length(support) <= 4000),
  -- The goals and actions: checked by the application's schema before every save.
  goals jsonb not null default '[]',
  actions jsonb not null default '[]',
  -- The mapping it was started from, when it was.
  from_mapping_id uuid,
  status text not null default 'draft' check (status in ('draft', 'agreed')),
  agreed_on date,
  agreed_version integer,
  shared_with_family boolean not null default false,
  -- The earliest due date of an action not yet done, kept on every save, for overdue lists.
  next_action_due_on date,
  version integer not null default 1,
  created_by uuid,
  created_by_label text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, from_mapping_id) references mappings (tenant_id, id),
  check (review_by is null or review_by >= starts_on),
  check (status <> 'agreed' or (agreed_on is not null and agreed_version is not null))
);
create index plans_child_idx on plans (tenant_id, child_person_id, starts_on);
create index plans_due_idx on plans (tenant_id, next_action_due_on);

create table plan_reviews (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  held_on date not null,
  who_came text not null check (length(who_came) between 1 and 2000),
  -- Each person's 0 to 10 on each goal: [{ goalId, personName, score }], checked by the application.
  scores jsonb not null default '[]',
  what_has_changed text check (length(what_has_changed) <= 4000),
  what_has_been_achieved text check (length(what_has_been_achieved) <= 4000),
  decisions text check (length(decisions) <= 4000),
  next_review_by date,
  recorded_by uuid,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, plan_id) references plans (tenant_id, id)
);
create index plan_reviews_plan_idx on plan_reviews (tenant_id, plan_id, held_on);

create table plan_agreements (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  plan_id uuid not null,
  -- The version of the plan the person answered about.
  plan_version integer not null,
  person_id uuid,
  person_name text not null check (length(person_name) between 1 and 200),
  response text not null check (response in ('agree', 'agree_with_comments', 'do_not_agree')),
  -- Their own words, kept as they said them.
  in_their_words text check (length(in_their_words) <= 4000),
  recorded_by uuid,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, plan_id) references plans (tenant_id, id),
  foreign key (tenant_id, person_id) references people (tenant_id, id),
  check (response = 'agree' or in_their_words is not null)
);
create index plan_agreements_plan_idx on plan_agreements (tenant_id, plan_id, recorded_at);

do $$
declare
  table_name text;
begin
  foreach table_name in array array['plans', 'plan_reviews', 'plan_agreements']
  loop
    execute format('alter table %I enable row level security', table_name);
    execute format('alter table %I force row level security', table_name);
    execute format(
      'create policy %I on %I using (tenant_id = kith_current_tenant()) with check (tenant_id = kith_current_tenant())',
      table_name || '_isolation', table_name);
    execute format('grant select, insert, update on %I to kith_app', table_name);
  end loop;
end
$$;
