-- A council's own changes to the language companion's glossary: entries it has added,
-- changed or switched off. Stored as the same JSON the built-in list uses (checked by the
-- same schema before it is saved or used). Never deleted: switching off keeps the history.
create table council_glossary_entries (
  tenant_id uuid not null references tenants (id),
  entry_id text not null check (entry_id ~ '^[A-Z]{1,3}[0-9]{1,4}$'),
  entry jsonb not null,
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (tenant_id, entry_id)
);
alter table council_glossary_entries enable row level security;
alter table council_glossary_entries force row level security;
create policy council_glossary_entries_isolation on council_glossary_entries
  using (tenant_id = kith_current_tenant())
  with check (tenant_id = kith_current_tenant());
grant select, insert, update on council_glossary_entries to kith_app;
