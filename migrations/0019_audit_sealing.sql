-- Writing an audit entry no longer waits for the council's hash chain.
--
-- Until now every entry took the council's chain head and held it until its transaction
-- committed, so every audited request in a council queued behind the one before it (at 20
-- users at once, nearly all of them were waiting on that one row). Now:
-- - an entry is appended on its own, numbered from one sequence shared by all councils
--   (`sequence`: the order entries are listed and paged in; no longer contiguous per council);
-- - the sealer (src/platform/audit/sealing.ts, running as the owner inside Kith a few times a
--   second) then links each council's new entries into its chain in the order it finds them:
--   `chain_position` 1, 2, 3... per council, with `previous_hash` and `hash` as before.
-- An entry is unsealed for well under a second. Meanwhile the grants protect it: the
-- application role may only insert and read entries, and nothing can change an entry's
-- contents or its seal once written (the trigger below), short of the owner disabling it,
-- which is what the chain and the signed checkpoints are there to catch.

create sequence audit_events_sequence_seq as bigint;
grant usage on sequence audit_events_sequence_seq to kith_app;

alter table audit_events add column chain_position bigint check (chain_position >= 1);
alter table audit_events alter column previous_hash drop not null;
alter table audit_events alter column hash drop not null;

-- Entries already written are sealed: their chain position is the sequence they were given.
-- The owner reads every council's rows here, so row-level security is lifted for these lines.
alter table audit_events no force row level security;
update audit_events set chain_position = sequence;
select setval('audit_events_sequence_seq', coalesce((select max(sequence) from audit_events), 0) + 1, false);
alter table audit_events force row level security;

alter table audit_events alter column sequence set default nextval('audit_events_sequence_seq');
alter sequence audit_events_sequence_seq owned by audit_events.sequence;
alter table audit_events add constraint audit_events_sealed_whole
  check ((chain_position is null) = (hash is null) and (hash is null) = (previous_hash is null));
create unique index audit_events_chain_idx on audit_events (tenant_id, chain_position);
create index audit_events_unsealed_idx on audit_events (tenant_id, sequence) where hash is null;

alter table audit_chain_heads rename column last_sequence to last_position;
-- Only the sealer (the owner) moves a chain on now.
revoke insert, update on audit_chain_heads from kith_app;

-- An entry's words never change, and its seal is written once.
create function kith_audit_entry_unchanged() returns trigger
  language plpgsql
  as $$
begin
  if old.hash is not null
     or (to_jsonb(new) - array['chain_position', 'previous_hash', 'hash'])
        is distinct from (to_jsonb(old) - array['chain_position', 'previous_hash', 'hash']) then
    raise exception 'an audit entry cannot be changed once written'
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;
create trigger audit_events_unchanged before update on audit_events
  for each row execute function kith_audit_entry_unchanged();
