-- An API call with a personal access token names the token but not the council. This one
-- function may look across councils to find which council a token id belongs to; it returns
-- nothing secret (the token's secret is checked against its hash inside that council).
grant select (tenant_id, id, revoked_at, expires_at) on personal_access_tokens to kith_sign_in;
create policy personal_access_tokens_lookup on personal_access_tokens for select to kith_sign_in using (true);

create function kith_council_for_access_token(token_id text)
  returns uuid
  language sql stable security definer
  set search_path = public, pg_temp
  as $$
    select t.tenant_id from personal_access_tokens t
    where t.id = token_id and t.revoked_at is null and t.expires_at > now()
    limit 1
  $$;
alter function kith_council_for_access_token(text) owner to kith_sign_in;
revoke all on function kith_council_for_access_token(text) from public;
grant execute on function kith_council_for_access_token(text) to kith_app;
