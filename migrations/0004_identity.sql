-- Identity and access: accounts, roles, teams, sessions, and the facts the access policy
-- decides from (allocations, sharing, restricted-record grants).

-- Accounts belong to one council. Staff sign in with two factors where their role requires
-- it; family members and young people sign in to see and add to their own plan.
create table users (
  tenant_id uuid not null references tenants (id),
  id uuid not null default gen_random_uuid(),
  email text not null check (email = lower(email) and length(email) between 3 and 254 and email like '%_@_%'),
  full_name text not null check (length(full_name) between 1 and 200),
  kind text not null check (kind in ('staff', 'family', 'young_person')),
  -- For family members and young people: who they are in the council's records.
  person_id uuid,
  password_hash text,
  password_changed_at timestamptz,
  totp_secret text,
  totp_enabled_at timestamptz,
  totp_last_used_step bigint,
  is_disabled boolean not null default false,
  disabled_at timestamptz,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, email),
  foreign key (tenant_id, person_id) references people (tenant_id, id),
  check (kind = 'staff' or person_id is not null)
);

create table user_roles (
  tenant_id uuid not null,
  user_id uuid not null,
  role text not null check (role in (
    'practitioner', 'team_manager', 'fgc_coordinator', 'partner_agency_worker',
    'council_administrator', 'auditor', 'family_member', 'young_person')),
  granted_at timestamptz not null default now(),
  primary key (tenant_id, user_id, role),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);

create table teams (
  tenant_id uuid not null references tenants (id),
  id uuid not null default gen_random_uuid(),
  name text not null check (length(name) between 1 and 120),
  created_at timestamptz not null default now(),
  primary key (tenant_id, id),
  unique (tenant_id, name)
);

create table team_memberships (
  tenant_id uuid not null,
  team_id uuid not null,
  user_id uuid not null,
  -- A team manager oversees the team's children; a member works with them.
  is_manager boolean not null default false,
  primary key (tenant_id, team_id, user_id),
  foreign key (tenant_id, team_id) references teams (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
create index team_memberships_user_idx on team_memberships (tenant_id, user_id);

-- Who a child's record is allocated to: a worker, a team, or both. History is kept.
create table child_allocations (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  user_id uuid,
  team_id uuid,
  starts_on date not null default current_date,
  ends_on date,
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id),
  foreign key (tenant_id, team_id) references teams (tenant_id, id),
  check (user_id is not null or team_id is not null),
  check (ends_on is null or ends_on >= starts_on)
);
create index child_allocations_child_idx on child_allocations (tenant_id, child_person_id);
create index child_allocations_user_idx on child_allocations (tenant_id, user_id) where ends_on is null;
create index child_allocations_team_idx on child_allocations (tenant_id, team_id) where ends_on is null;

-- What a partner agency worker, a family member or a young person may see, under a recorded
-- agreement. Family and young people see only what is marked as shared with the family.
create table record_shares (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  user_id uuid not null,
  audience text not null check (audience in ('partner_agency', 'family', 'young_person')),
  agreement text not null check (length(agreement) between 1 and 2000),
  starts_at timestamptz not null default now(),
  ends_at timestamptz,
  created_by uuid,
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
create index record_shares_user_idx on record_shares (tenant_id, user_id);
create index record_shares_child_idx on record_shares (tenant_id, child_person_id);

-- Opening a restricted record needs a typed reason and gives a time-limited grant that the
-- team manager reviews.
create table restricted_access_grants (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  user_id uuid not null,
  reason text not null check (length(reason) between 10 and 2000),
  granted_at timestamptz not null default now(),
  expires_at timestamptz not null,
  reviewed_by uuid,
  reviewed_at timestamptz,
  review_note text,
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, user_id) references users (tenant_id, id),
  foreign key (tenant_id, reviewed_by) references users (tenant_id, id),
  check (expires_at > granted_at)
);
create index restricted_access_grants_lookup_idx on restricted_access_grants (tenant_id, child_person_id, user_id);
create index restricted_access_grants_review_idx on restricted_access_grants (tenant_id, reviewed_at);

-- Sessions are stored by the hash of their token: a copy of this table opens no session.
create table sessions (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  token_hash text not null,
  user_id uuid not null,
  created_at timestamptz not null default now(),
  last_seen_at timestamptz not null default now(),
  expires_at timestamptz not null,
  -- Password accepted; the second factor may still be outstanding.
  second_factor_done boolean not null default false,
  ended_at timestamptz,
  ended_reason text check (ended_reason in ('signed_out', 'signed_out_everywhere', 'idle', 'expired', 'ended_by_administrator', 'account_disabled')),
  source_ip text,
  user_agent text,
  primary key (tenant_id, id),
  unique (tenant_id, token_hash),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
create index sessions_user_idx on sessions (tenant_id, user_id) where ended_at is null;

-- Failed sign-ins, for progressive delay and temporary locks (per account and per address).
create table sign_in_failures (
  tenant_id uuid not null references tenants (id),
  id uuid not null default gen_random_uuid(),
  user_id uuid,
  source_ip text,
  failed_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
create index sign_in_failures_user_idx on sign_in_failures (tenant_id, user_id, failed_at);
create index sign_in_failures_ip_idx on sign_in_failures (tenant_id, source_ip, failed_at);

create table recovery_codes (
  tenant_id uuid not null,
  user_id uuid not null,
  code_hash text not null,
  used_at timestamptz,
  primary key (tenant_id, user_id, code_hash),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);

create table personal_access_tokens (
  tenant_id uuid not null,
  id text not null,
  user_id uuid not null,
  name text not null check (length(name) between 1 and 100),
  secret_hash text not null,
  scopes text[] not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  last_used_at timestamptz,
  revoked_at timestamptz,
  primary key (tenant_id, id),
  foreign key (tenant_id, user_id) references users (tenant_id, id),
  check (expires_at > created_at)
);

-- Row-level security and grants, table by table.
do $$
declare
  table_name text;
begin
  foreach table_name in array array[
    'users', 'user_roles', 'teams', 'team_memberships', 'child_allocations', 'record_shares',
    'restricted_access_grants', 'sessions', 'sign_in_failures', 'recovery_codes', 'personal_access_tokens']
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
-- Memberships, roles and unused recovery codes can be removed; nothing else is ever deleted.
grant delete on user_roles, team_memberships, recovery_codes to kith_app;

-- Sign-in starts from an email address, before anyone knows the council. This one function
-- may look across councils, and it returns only which councils have an active account with
-- that address. It runs as kith_sign_in, a role that owns nothing else and may read only
-- these columns of users.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'kith_sign_in') then
    create role kith_sign_in nologin;
  end if;
exception when duplicate_object then
  null;
end
$$;
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant kith_sign_in to %I', current_user);
  end if;
end
$$;
grant usage on schema public to kith_sign_in;
grant select (tenant_id, id, email, is_disabled) on users to kith_sign_in;
create policy users_sign_in_lookup on users for select to kith_sign_in using (true);

create function kith_accounts_for_email(candidate_email text)
  returns table (tenant_id uuid, user_id uuid)
  language sql stable security definer
  set search_path = public, pg_temp
  as $$ select u.tenant_id, u.id from users u where u.email = lower(candidate_email) and not u.is_disabled $$;
alter function kith_accounts_for_email(text) owner to kith_sign_in;
revoke all on function kith_accounts_for_email(text) from public;
grant execute on function kith_accounts_for_email(text) to kith_app;
