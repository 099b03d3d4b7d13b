-- Statutory timescales and allocation (issue 23, the case spine).
--
-- 1. The council's timescale policy: how often children are visited and how often their plans
--    are reviewed, by episode of help, and the council's own closure days (days its offices do
--    not count as working days, such as those between Christmas and New Year), with the nation
--    whose bank holidays apply. Every change is a new version with its reason: a council's
--    earlier policy is never changed or lost, so a due date can be explained afterwards. A
--    council without a version has Kith's defaults (timescales/policy.ts).
create table timescale_policy_versions (
  tenant_id uuid not null references tenants (id),
  id uuid not null default gen_random_uuid(),
  version integer not null check (version >= 1),
  nation text not null check (nation in ('england', 'wales')),
  visit_family_help_working_days integer not null check (visit_family_help_working_days between 1 and 65),
  visit_child_protection_working_days integer not null check (visit_child_protection_working_days between 1 and 10),
  visit_child_in_care_working_days integer not null check (visit_child_in_care_working_days between 1 and 30),
  visit_care_leaver_working_days integer not null check (visit_care_leaver_working_days between 1 and 40),
  review_family_help_months integer not null check (review_family_help_months between 1 and 6),
  review_child_protection_first_months integer not null check (review_child_protection_first_months between 1 and 3),
  review_child_protection_later_months integer not null check (review_child_protection_later_months between 1 and 6),
  review_child_in_care_first_working_days integer not null
    check (review_child_in_care_first_working_days between 1 and 20),
  review_child_in_care_second_months integer not null check (review_child_in_care_second_months between 1 and 3),
  review_child_in_care_later_months integer not null check (review_child_in_care_later_months between 1 and 6),
  -- [{ "date": "2026-12-29", "name": "Council closure" }], in date order.
  closure_days jsonb not null default '[]' check (jsonb_typeof(closure_days) = 'array'),
  reason text not null check (length(btrim(reason)) between 1 and 2000),
  recorded_by uuid,
  recorded_by_label text not null check (length(recorded_by_label) <= 300),
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, version),
  foreign key (tenant_id, recorded_by) references users (tenant_id, id)
);

-- 2. Allocation: child_allocations (0004) says who held a child's record and when; each
--    allocation made through Kith's pages or API has its note here: why (a transfer's reason),
--    the handover note the new worker must read, and when they read it.
create table allocation_notes (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  allocation_id uuid not null,
  kind text not null check (kind in ('allocated', 'transferred')),
  reason text check (length(reason) <= 2000),
  handover_note text check (length(handover_note) <= 8000),
  recorded_by uuid,
  recorded_by_label text not null check (length(recorded_by_label) <= 300),
  recorded_at timestamptz not null default now(),
  handover_read_at timestamptz,
  handover_read_by uuid,
  primary key (tenant_id, id),
  unique (tenant_id, allocation_id),
  foreign key (tenant_id, allocation_id) references child_allocations (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, recorded_by) references users (tenant_id, id),
  foreign key (tenant_id, handover_read_by) references users (tenant_id, id),
  check (kind = 'transferred' or handover_note is null),
  check ((handover_read_at is null) = (handover_read_by is null))
);
create index allocation_notes_child_idx on allocation_notes (tenant_id, child_person_id);

do $$
declare
  table_name text;
begin
  foreach table_name in array array['timescale_policy_versions', 'allocation_notes']
  loop
    execute format('alter table %I enable row level security', table_name);
    execute format('alter table %I force row level security', table_name);
    execute format(
      'create policy %I on %I using (tenant_id = kith_current_tenant()) with check (tenant_id = kith_current_tenant())',
      table_name || '_isolation', table_name);
  end loop;
end
$$;
-- A policy version is never changed; an allocation's note is changed only to say it was read.
grant select, insert on timescale_policy_versions to kith_app;
grant select, insert on allocation_notes to kith_app;
grant update (handover_read_at, handover_read_by) on allocation_notes to kith_app;
