-- The audit trail: every look at and change of a child's record, every sign-in, on the record.
--
-- Append-only: the application role may insert and read, never update or delete.
-- Tamper-evident: each entry carries the hash of the previous entry of the same council, so
-- changing or removing one breaks the chain from there on; the head of each chain is signed
-- from time to time with a key kept outside the database (see src/platform/audit).
create table audit_events (
  tenant_id uuid not null references tenants (id),
  sequence bigint not null check (sequence >= 1),
  occurred_at timestamptz not null,
  -- No foreign key: the trail outlives accounts and must not stop one being changed.
  actor_user_id uuid,
  actor_label text not null,
  action text not null check (action ~ '^[a-z_]+(\.[a-z_]+)+$'),
  outcome text not null check (outcome in ('allowed', 'denied', 'failed')),
  subject_type text,
  subject_id uuid,
  child_person_id uuid,
  reason text,
  source_ip text,
  user_agent text,
  request_id text,
  details jsonb not null default '{}',
  previous_hash text not null,
  hash text not null,
  primary key (tenant_id, sequence)
);
create index audit_events_child_idx on audit_events (tenant_id, child_person_id, occurred_at desc) where child_person_id is not null;
create index audit_events_actor_idx on audit_events (tenant_id, actor_user_id, occurred_at desc);
create index audit_events_time_idx on audit_events (tenant_id, occurred_at desc);

-- The last entry of each council's chain. Appending locks this row, so appends within one
-- council are strictly ordered and the chain stays a single line.
create table audit_chain_heads (
  tenant_id uuid not null references tenants (id),
  last_sequence bigint not null,
  last_hash text not null,
  primary key (tenant_id)
);

alter table audit_events enable row level security;
alter table audit_events force row level security;
create policy audit_events_isolation on audit_events
  using (tenant_id = kith_current_tenant())
  with check (tenant_id = kith_current_tenant());
grant select, insert on audit_events to kith_app;

alter table audit_chain_heads enable row level security;
alter table audit_chain_heads force row level security;
create policy audit_chain_heads_isolation on audit_chain_heads
  using (tenant_id = kith_current_tenant())
  with check (tenant_id = kith_current_tenant());
grant select, insert, update on audit_chain_heads to kith_app;
