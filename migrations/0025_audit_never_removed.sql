-- Nothing removes an audit entry, and no chain head moves back, whoever asks.
--
-- Until now the owner could `delete` the newest entries and move its council's chain head back
-- to match: the chain still verified, and only a signed head written after those entries could
-- show it (issue 29, finding 4). The sealer now signs every head it moves (sealing.ts), and
-- these triggers refuse the removal itself, for every role, the owner and superusers included:
-- - `delete` and `truncate` on audit_events and on audit_chain_heads;
-- - an update of a chain head that does not move it forward (to a later position).
-- Someone with the owner's rights can still switch a trigger off; that is what the signed heads,
-- kept outside the database, are there to catch. Retention (removing entries past their time)
-- will need its own path, recorded in the trail and signed, not a plain `delete`: see ADR 3.

create function kith_audit_never_removed() returns trigger
  language plpgsql
  as $$
begin
  raise exception 'audit entries and chain heads cannot be removed (%)', tg_table_name
    using errcode = 'insufficient_privilege';
end
$$;

create trigger audit_events_never_deleted before delete on audit_events
  for each row execute function kith_audit_never_removed();
create trigger audit_events_never_truncated before truncate on audit_events
  for each statement execute function kith_audit_never_removed();
create trigger audit_chain_heads_never_deleted before delete on audit_chain_heads
  for each row execute function kith_audit_never_removed();
create trigger audit_chain_heads_never_truncated before truncate on audit_chain_heads
  for each statement execute function kith_audit_never_removed();

-- A head moves only forward, and stays with its council.
create function kith_audit_chain_head_moves_forward() returns trigger
  language plpgsql
  as $$
begin
  if new.tenant_id is distinct from old.tenant_id or new.last_position <= old.last_position then
    raise exception 'an audit chain head only moves forward (from % to %)', old.last_position, new.last_position
      using errcode = 'insufficient_privilege';
  end if;
  return new;
end
$$;

create trigger audit_chain_heads_move_forward before update on audit_chain_heads
  for each row execute function kith_audit_chain_head_moves_forward();
