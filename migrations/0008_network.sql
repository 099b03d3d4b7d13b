-- The child's world: who is in each child's network, and the relationships between any two
-- people. A person is stored once and may be in several children's networks; each network
-- keeps its own circle and ecomap position for them. Relationships are kept as versions in
-- record_versions (record_type 'relationship'), so the network on any past date can be shown.

-- Finding people who may already be recorded (similar names) uses trigram similarity, within
-- one council: btree_gin lets the trigram index lead with tenant_id like every other index.
create extension if not exists pg_trgm;
create extension if not exists btree_gin;
create index people_name_trigram_idx on people using gin (tenant_id, full_name gin_trgm_ops);

alter table people add column contact_details text check (length(contact_details) <= 1000);

create table network_members (
  tenant_id uuid not null,
  child_person_id uuid not null,
  person_id uuid not null,
  circle text not null check (circle in ('family', 'friends_and_community', 'professional')),
  -- Where someone placed them on the ecomap (0..1000 each way); null means laid out for them.
  position_x real check (position_x between 0 and 1000),
  position_y real check (position_y between 0 and 1000),
  added_at timestamptz not null default now(),
  -- Nobody is ever deleted from a network: they can stop being involved, with history kept.
  no_longer_involved_on date,
  no_longer_involved_reason text check (length(no_longer_involved_reason) <= 2000),
  version integer not null default 1,
  primary key (tenant_id, child_person_id, person_id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, person_id) references people (tenant_id, id),
  check (child_person_id <> person_id)
);
create index network_members_person_idx on network_members (tenant_id, person_id);

create table relationships (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  from_person_id uuid not null,
  to_person_id uuid not null,
  type text not null check (type ~ '^[a-z_]{2,40}$'),
  closeness text not null default 'moderate' check (closeness in ('strong', 'moderate', 'tenuous')),
  quality text not null default 'supportive' check (quality in ('supportive', 'mixed', 'stressful', 'broken')),
  -- Relative to from/to: 'from_first' means support flows from the first person to the second.
  support_flows text not null default 'none' check (support_flows in ('from_first', 'to_first', 'both', 'none')),
  -- As the child and others say; null when nobody has said.
  loves_the_child boolean,
  child_loves_them boolean,
  lifelong_connection boolean not null default false,
  safety_network_role text check (length(safety_network_role) <= 200),
  started_on date,
  ended_on date,
  notes text check (length(notes) <= 4000),
  version integer not null default 1,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, from_person_id) references people (tenant_id, id),
  foreign key (tenant_id, to_person_id) references people (tenant_id, id),
  check (from_person_id <> to_person_id),
  check (ended_on is null or started_on is null or ended_on >= started_on)
);
-- One relationship of each type between two people, whichever way round it was recorded.
create unique index relationships_pair_idx on relationships (
  tenant_id, least(from_person_id, to_person_id), greatest(from_person_id, to_person_id), type);
create index relationships_from_idx on relationships (tenant_id, from_person_id);
create index relationships_to_idx on relationships (tenant_id, to_person_id);

create table households (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id)
);
create table household_members (
  tenant_id uuid not null,
  household_id uuid not null,
  person_id uuid not null,
  primary key (tenant_id, household_id, person_id),
  foreign key (tenant_id, household_id) references households (tenant_id, id),
  foreign key (tenant_id, person_id) references people (tenant_id, id)
);
create index household_members_person_idx on household_members (tenant_id, person_id);

do $$
declare
  table_name text;
begin
  foreach table_name in array array['network_members', 'relationships', 'households', 'household_members']
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
grant delete on household_members to kith_app;
