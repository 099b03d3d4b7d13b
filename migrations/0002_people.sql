-- People and the children whose records Kith holds.
--
-- A person is stored once per council and may be in several children's networks. Groups,
-- places and online communities that matter to a child are "people" of another kind, so a
-- network can hold a football club or a park as naturally as a grandparent.
create table people (
  tenant_id uuid not null references tenants (id),
  id uuid not null default gen_random_uuid(),
  kind text not null default 'person'
    check (kind in ('person', 'group', 'place', 'online_community')),
  full_name text not null check (length(full_name) between 1 and 200),
  known_as text check (length(known_as) <= 100),
  pronouns text check (length(pronouns) <= 50),
  -- For a genogram: how the person describes their gender, in a small fixed vocabulary.
  gender text not null default 'unknown' check (gender in ('female', 'male', 'other', 'unknown')),
  date_of_birth date,
  date_of_birth_is_approximate boolean not null default false,
  died_on date,
  languages text[] not null default '{}',
  what_they_bring text check (length(what_they_bring) <= 4000),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  check (died_on is null or date_of_birth is null or died_on >= date_of_birth)
);
create index people_name_idx on people (tenant_id, lower(full_name));

alter table people enable row level security;
alter table people force row level security;
create policy people_isolation on people
  using (tenant_id = kith_current_tenant())
  with check (tenant_id = kith_current_tenant());
grant select, insert, update on people to kith_app;

-- A child's record: the child is a person; the record is the work with them.
create table child_records (
  tenant_id uuid not null,
  person_id uuid not null,
  reference text not null check (reference ~ '^[A-Z0-9-]{3,20}$'),
  status text not null default 'open' check (status in ('open', 'closed')),
  opened_on date not null default current_date,
  closed_on date,
  -- Restricted records need a stated reason to open (for example a relative works here).
  is_restricted boolean not null default false,
  created_at timestamptz not null default now(),
  primary key (tenant_id, person_id),
  unique (tenant_id, reference),
  foreign key (tenant_id, person_id) references people (tenant_id, id),
  check (closed_on is null or closed_on >= opened_on)
);
create index child_records_status_idx on child_records (tenant_id, status);

alter table child_records enable row level security;
alter table child_records force row level security;
create policy child_records_isolation on child_records
  using (tenant_id = kith_current_tenant())
  with check (tenant_id = kith_current_tenant());
grant select, insert, update on child_records to kith_app;
