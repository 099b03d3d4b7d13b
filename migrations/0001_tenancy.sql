-- Tenancy: councils, the application role, and the row-level security every table uses.
--
-- kith_app owns nothing: requests run as it, so row-level security always applies to them.
-- It is created once per server (roles are server-wide) and granted rights per database.
do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'kith_app') then
    create role kith_app nologin;
  end if;
exception when duplicate_object then
  -- another database on the same server created it at the same moment
  null;
end
$$;

-- The owner must be able to switch to the application role (SET ROLE kith_app).
do $$
begin
  if not (select rolsuper from pg_roles where rolname = current_user) then
    execute format('grant kith_app to %I', current_user);
  end if;
end
$$;

grant usage on schema public to kith_app;

-- The council whose transaction this is, or NULL when none was set (which matches no row).
create function kith_current_tenant() returns uuid
  language sql stable parallel safe
  as $$ select nullif(current_setting('kith.tenant_id', true), '')::uuid $$;

create table tenants (
  id uuid primary key default gen_random_uuid(),
  slug text not null unique check (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$' and length(slug) <= 63),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);
-- The registry of councils belongs to whoever runs Kith (the schema owner), so RLS is
-- enabled but not forced here: the owner provisions councils; the application role sees only
-- the council of its own transaction. Every council-owned table below FORCEs RLS.
alter table tenants enable row level security;
create policy tenants_isolation on tenants
  using (id = kith_current_tenant())
  with check (id = kith_current_tenant());
grant select on tenants to kith_app;
