-- Every request starts by finding its session. That read now takes one round trip instead of
-- four (begin, set the council, read, commit), and brings the person's teams, which the access
-- policy asks about on every record page: this function sets the council for the
-- statement's own implicit transaction, so row-level security applies exactly as in a request's
-- transaction, and the setting ends with the statement. It runs with the caller's rights.
-- Call it outside a transaction: inside one, the council setting would last to its end.
create function kith_session_lookup(council uuid, session_token_hash text)
  returns table (
    session_id uuid,
    last_seen_at timestamptz,
    expires_at timestamptz,
    ended_at timestamptz,
    ended_reason text,
    second_factor_done boolean,
    user_id uuid,
    full_name text,
    email text,
    kind text,
    person_id uuid,
    is_disabled boolean,
    password_must_change boolean,
    council_name text,
    roles text[],
    team_ids uuid[],
    managed_team_ids uuid[]
  )
  language plpgsql volatile
  as $$
begin
  perform set_config('kith.tenant_id', council::text, true);
  return query
    select s.id, s.last_seen_at, s.expires_at, s.ended_at, s.ended_reason, s.second_factor_done,
           u.id, u.full_name, u.email, u.kind, u.person_id, u.is_disabled, u.password_must_change,
           (select t.name from tenants t where t.id = s.tenant_id),
           array(select r.role from user_roles r where r.tenant_id = s.tenant_id and r.user_id = s.user_id order by r.role),
           array(select m.team_id from team_memberships m where m.tenant_id = s.tenant_id and m.user_id = s.user_id order by m.team_id),
           array(select m.team_id from team_memberships m
                  where m.tenant_id = s.tenant_id and m.user_id = s.user_id and m.is_manager order by m.team_id)
      from sessions s
      join users u on u.tenant_id = s.tenant_id and u.id = s.user_id
     where s.tenant_id = council and s.token_hash = session_token_hash;
end
$$;
revoke all on function kith_session_lookup(uuid, text) from public;
grant execute on function kith_session_lookup(uuid, text) to kith_app;
