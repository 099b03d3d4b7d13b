-- A retried API write must not record twice (Kith issue 34, finding 5). A client that sends
-- `Idempotency-Key` with a POST gets, on a repeat of the same request with the same key, the
-- first answer again instead of a second write. Keys belong to the account that sent them, in
-- its council; the first answer is kept with the key (never a record's text beyond what the
-- answer itself carried, which the account was allowed to see).
create table idempotency_keys (
  tenant_id uuid not null references tenants (id),
  user_id uuid not null,
  key text not null check (length(key) between 1 and 200),
  fingerprint text not null,
  status_code integer,
  content_type text,
  location text,
  response_body text,
  claimed_at timestamptz not null default now(),
  primary key (tenant_id, user_id, key),
  foreign key (tenant_id, user_id) references users (tenant_id, id)
);
create index idempotency_keys_by_age on idempotency_keys (tenant_id, claimed_at);
alter table idempotency_keys enable row level security;
alter table idempotency_keys force row level security;
create policy idempotency_keys_isolation on idempotency_keys
  using (tenant_id = kith_current_tenant())
  with check (tenant_id = kith_current_tenant());
grant select, insert, update, delete on idempotency_keys to kith_app;
