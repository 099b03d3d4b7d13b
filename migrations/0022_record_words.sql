-- Search reads one narrow table of every searchable record's words: its kind, its child and
-- when it happened, beside the words. Before, each kind of record carried its own words and
-- index, and for a common word PostgreSQL's planner often chose to read every record of the
-- children one by one and test its words (tens to hundreds of milliseconds for a team's
-- children), because to its estimates that looked cheaper than the index. Here the index is
-- the only sensible way in, and counting and ordering the matches reads the narrow rows, not
-- the records themselves.
--
-- Triggers on the records keep the words: they run with the rights of whoever writes the
-- record, inside the same transaction, so the words and the record never disagree. The
-- worker's own reflection stays out of the words, as before: families may search their records.
create table record_words (
  tenant_id uuid not null,
  kind text not null check (kind in ('visit', 'childs_words', 'direct_work', 'chronology')),
  record_id uuid not null,
  child_person_id uuid not null,
  -- A visit's time; for records kept by the day, that day's midnight UTC.
  happened_at timestamptz not null,
  words tsvector not null,
  primary key (tenant_id, kind, record_id)
);
alter table record_words enable row level security;
alter table record_words force row level security;
create policy record_words_isolation on record_words
  using (tenant_id = kith_current_tenant())
  with check (tenant_id = kith_current_tenant());
grant select, insert, update, delete on record_words to kith_app;

-- The words of each kind of record: the same text each record's own search column held.
create function kith_visit_words() returns trigger
  language plpgsql
  as $$
begin
  insert into record_words (tenant_id, kind, record_id, child_person_id, happened_at, words)
  select r.tenant_id, 'visit', r.id, r.child_person_id, r.happened_at,
         to_tsvector('english', coalesce(r.place, '') || ' ' || coalesce(r.seen_heard_felt, '') || ' ' ||
           coalesce(r.childs_words, '') || ' ' || coalesce(r.working_well, '') || ' ' ||
           coalesce(r.worries, '') || ' ' || coalesce(r.not_seen_reason, ''))
    from written r
  on conflict (tenant_id, kind, record_id) do update
    set child_person_id = excluded.child_person_id, happened_at = excluded.happened_at, words = excluded.words;
  return null;
end
$$;

create function kith_childs_words_words() returns trigger
  language plpgsql
  as $$
begin
  insert into record_words (tenant_id, kind, record_id, child_person_id, happened_at, words)
  select r.tenant_id, 'childs_words', r.id, r.child_person_id, r.heard_on::timestamp at time zone 'UTC',
         to_tsvector('english', r.words || ' ' || coalesce(r.setting, ''))
    from written r
  on conflict (tenant_id, kind, record_id) do update
    set child_person_id = excluded.child_person_id, happened_at = excluded.happened_at, words = excluded.words;
  return null;
end
$$;

create function kith_direct_work_words() returns trigger
  language plpgsql
  as $$
begin
  insert into record_words (tenant_id, kind, record_id, child_person_id, happened_at, words)
  select r.tenant_id, 'direct_work', r.id, r.child_person_id, r.done_on::timestamp at time zone 'UTC',
         to_tsvector('english', r.childs_words)
    from written r
  on conflict (tenant_id, kind, record_id) do update
    set child_person_id = excluded.child_person_id, happened_at = excluded.happened_at, words = excluded.words;
  return null;
end
$$;

create function kith_chronology_words() returns trigger
  language plpgsql
  as $$
begin
  insert into record_words (tenant_id, kind, record_id, child_person_id, happened_at, words)
  select r.tenant_id, 'chronology', r.id, r.child_person_id, r.happened_on::timestamp at time zone 'UTC',
         to_tsvector('english', r.title || ' ' || coalesce(r.details, ''))
    from written r
  on conflict (tenant_id, kind, record_id) do update
    set child_person_id = excluded.child_person_id, happened_at = excluded.happened_at, words = excluded.words;
  return null;
end
$$;

-- A record removed takes its words with it. The first argument is the kind.
create function kith_forget_record_words() returns trigger
  language plpgsql
  as $$
begin
  delete from record_words w using removed r
   where w.tenant_id = r.tenant_id and w.kind = tg_argv[0] and w.record_id = r.id;
  return null;
end
$$;

-- Once a statement, over all the rows it wrote: a bulk insert costs one insert here, not one a row.
do $$
declare
  source record;
begin
  for source in
    select * from (values ('visits', 'visit', 'kith_visit_words'),
                          ('childs_words', 'childs_words', 'kith_childs_words_words'),
                          ('direct_work', 'direct_work', 'kith_direct_work_words'),
                          ('chronology_entries', 'chronology', 'kith_chronology_words')) as s(table_name, kind, words_function)
  loop
    execute format('create trigger %I after insert on %I referencing new table as written for each statement execute function %I()',
                   source.table_name || '_words_added', source.table_name, source.words_function);
    execute format('create trigger %I after update on %I referencing new table as written for each statement execute function %I()',
                   source.table_name || '_words_changed', source.table_name, source.words_function);
    execute format('create trigger %I after delete on %I referencing old table as removed for each statement execute function kith_forget_record_words(%L)',
                   source.table_name || '_words_removed', source.table_name, source.kind);
  end loop;
end
$$;

-- The words of the records already kept, council by council: row-level security is forced, so
-- an owner that is not a superuser sees a council's rows only with that council set.
do $$
declare
  council record;
begin
  for council in select id from tenants loop
    perform set_config('kith.tenant_id', council.id::text, true);
    insert into record_words (tenant_id, kind, record_id, child_person_id, happened_at, words)
    select tenant_id, 'visit', id, child_person_id, happened_at, search_text from visits where tenant_id = council.id;
    insert into record_words (tenant_id, kind, record_id, child_person_id, happened_at, words)
    select tenant_id, 'childs_words', id, child_person_id, heard_on::timestamp at time zone 'UTC', search_text
      from childs_words where tenant_id = council.id;
    insert into record_words (tenant_id, kind, record_id, child_person_id, happened_at, words)
    select tenant_id, 'direct_work', id, child_person_id, done_on::timestamp at time zone 'UTC', search_text
      from direct_work where tenant_id = council.id;
    insert into record_words (tenant_id, kind, record_id, child_person_id, happened_at, words)
    select tenant_id, 'chronology', id, child_person_id, happened_on::timestamp at time zone 'UTC', search_text
      from chronology_entries where tenant_id = council.id;
  end loop;
  perform set_config('kith.tenant_id', '', true);
end
$$;

-- Built once the words are in: far quicker than growing it a row at a time. The one index in
-- Kith that does not lead with the council: a child belongs to exactly one council, so the child
-- already narrows the search to one council, while a council's entry in this index lists every
-- record it has, which the index had to read through on each search (a search of a team's
-- children took three times as long with it). Citus needs the council only in unique indexes;
-- row-level security and the query's own council condition still apply to every row found.
--
-- New words wait in the index's pending list until it is merged in, and every search reads that
-- whole list: at the default 4 MB limit, a few thousand visits recorded since the last merge
-- made a team's search three times as slow. A 256 kB limit merges about every hundred visits.
create index record_words_search_idx on record_words using gin (child_person_id, words)
  with (gin_pending_list_limit = 256);

-- The records' own search columns, and their indexes with them, are no longer read.
alter table visits drop column search_text;
alter table childs_words drop column search_text;
alter table direct_work drop column search_text;
alter table chronology_entries drop column search_text;
