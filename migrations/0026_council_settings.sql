-- A council's own settings, changed by its administrators on the "Council settings" page. One
-- row per council; a council without a row has Kith's defaults.
--
-- The first: how long a restricted record stays open after someone gives a reason to open it
-- (Kith issue 29, finding 9: it was 7 days). Either until the end of the working day, UK time
-- (and, opened within an hour of that or after it, until the same time the next day), or for a
-- number of hours. Both values are kept so switching between them loses neither.
create table council_settings (
  tenant_id uuid not null references tenants (id),
  restricted_grant_until text not null default 'end_of_working_day'
    check (restricted_grant_until in ('end_of_working_day', 'hours')),
  working_day_ends_at text not null default '17:30'
    check (working_day_ends_at ~ '^(1[2-9]|2[0-3]):[0-5][0-9]$'),
  restricted_grant_hours integer not null default 8 check (restricted_grant_hours between 1 and 24),
  updated_at timestamptz not null default now(),
  updated_by uuid,
  primary key (tenant_id),
  foreign key (tenant_id, updated_by) references users (tenant_id, id)
);
alter table council_settings enable row level security;
alter table council_settings force row level security;
create policy council_settings_isolation on council_settings
  using (tenant_id = kith_current_tenant())
  with check (tenant_id = kith_current_tenant());
grant select, insert, update on council_settings to kith_app;
