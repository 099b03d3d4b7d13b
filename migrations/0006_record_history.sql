-- Record history: an edit never overwrites. Each saved state of a record is kept as a
-- version with who, when and why; a correction says so, and the version it corrects stays
-- readable to those allowed. Append-only for the application role.
create table record_versions (
  tenant_id uuid not null references tenants (id),
  record_type text not null check (record_type ~ '^[a-z_]+$'),
  record_id uuid not null,
  version integer not null check (version >= 1),
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  recorded_by_label text not null,
  reason text check (length(reason) <= 2000),
  is_correction boolean not null default false,
  content jsonb not null,
  primary key (tenant_id, record_type, record_id, version)
);

alter table record_versions enable row level security;
alter table record_versions force row level security;
create policy record_versions_isolation on record_versions
  using (tenant_id = kith_current_tenant())
  with check (tenant_id = kith_current_tenant());
grant select, insert on record_versions to kith_app;
