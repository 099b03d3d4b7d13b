-- Voice of the child and visits. A visit is recorded once and never edited in place: each
-- correction is a new version in record_versions (record_type 'visit') with its reason, and
-- the row here holds the current text for fast reads. The child's words are kept verbatim with
-- who heard them, when and where; drafts keep long text on the server while it is typed.

create table visits (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  kind text not null check (kind in ('home_visit', 'school_visit', 'office', 'phone', 'video', 'message')),
  happened_at timestamptz not null,
  place text check (length(place) <= 300),
  -- Who was there: [{ "personId": uuid or null, "name": text }], from the child's network or typed.
  who_was_there jsonb not null default '[]'::jsonb,
  child_seen boolean not null,
  seen_alone boolean,
  not_seen_reason text check (length(not_seen_reason) <= 4000),
  seen_heard_felt text check (length(seen_heard_felt) <= 20000),
  childs_words text check (length(childs_words) <= 20000),
  working_well text check (length(working_well) <= 20000),
  worries text check (length(worries) <= 20000),
  reflection text check (length(reflection) <= 20000),
  -- Next steps: [{ "who": text, "what": text, "byWhen": date or null }].
  next_steps jsonb not null default '[]'::jsonb,
  version integer not null default 1,
  recorded_by uuid,
  recorded_by_label text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  -- Seen alone only when seen; a reason when not seen.
  check (child_seen or seen_alone is not true)
);
create index visits_child_idx on visits (tenant_id, child_person_id, happened_at desc);

-- Words the child said, recorded on their own (visits and direct work keep theirs in place).
create table childs_words (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  words text not null check (length(words) between 1 and 4000),
  heard_by text not null check (length(heard_by) between 1 and 300),
  heard_on date not null,
  setting text check (length(setting) <= 300),
  recorded_by uuid,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id)
);
create index childs_words_child_idx on childs_words (tenant_id, child_person_id, heard_on);

-- How the child wants to take part in meetings about them. Each choice is a new row, so what
-- they said before is kept; the latest is the one that counts.
create table participation_preferences (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  way text not null check (way in ('attend', 'part_of_meetings', 'send_words_or_drawing', 'through_an_advocate', 'not_at_all')),
  in_their_words text check (length(in_their_words) <= 4000),
  said_on date not null,
  recorded_by uuid,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id)
);
create index participation_preferences_child_idx on participation_preferences (tenant_id, child_person_id, said_on desc, recorded_at desc);

-- Long text while it is being typed, per person and form. The version refuses a silent
-- overwrite from another window; the draft is removed when the record it belongs to is saved.
create table drafts (
  tenant_id uuid not null,
  user_id uuid not null,
  child_person_id uuid not null,
  form_key text not null check (form_key ~ '^[a-z0-9-]{1,80}$'),
  content jsonb not null,
  version integer not null default 1,
  saved_at timestamptz not null default now(),
  primary key (tenant_id, user_id, child_person_id, form_key),
  foreign key (tenant_id, user_id) references users (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  check (octet_length(content::text) <= 200000)
);

-- Direct work with the child, as structured records in their words: Three Houses (worries,
-- good things, dreams), the Wizard (what they would change with magic), wishes and feelings,
-- and what they want people to know. Each list item is one thing the child said or drew.
create table direct_work (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  tool text not null check (tool in ('three_houses', 'wizard', 'wishes_and_feelings', 'want_people_to_know')),
  done_on date not null,
  done_with text not null check (length(done_with) between 1 and 300),
  -- The tool's parts, each a list in the child's words: { "houseOfWorries": [...], ... }.
  childs_words jsonb not null,
  recorded_by uuid,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  check (octet_length(childs_words::text) <= 100000)
);
create index direct_work_child_idx on direct_work (tenant_id, child_person_id, done_on);

-- Significant events in the child's life recorded by hand for the chronology. Visits, direct
-- work and other features' records contribute their own events when the chronology is read.
create table chronology_entries (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  happened_on date not null,
  category text not null check (category in ('family_life', 'home', 'school', 'health', 'time_with_family', 'meeting', 'other')),
  title text not null check (length(title) between 1 and 200),
  details text check (length(details) <= 4000),
  recorded_by uuid,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id)
);
create index chronology_entries_child_idx on chronology_entries (tenant_id, child_person_id, happened_on);

-- Photos, drawings and documents, kept in the database beside the record they belong to and
-- served only through an access-checked route. The type is decided from the content itself.
create table attachments (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  -- What it belongs to: a piece of direct work, a visit, or the child's record itself.
  belongs_to text not null check (belongs_to in ('direct_work', 'visit', 'child_record')),
  belongs_to_id uuid,
  file_name text not null check (length(file_name) between 1 and 200),
  content_type text not null check (content_type in ('image/png', 'image/jpeg', 'image/gif', 'image/webp', 'application/pdf')),
  byte_size integer not null check (byte_size between 1 and 10485760),
  description text check (length(description) <= 1000),
  content bytea not null,
  uploaded_by uuid,
  uploaded_by_label text not null,
  uploaded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  check (octet_length(content) = byte_size)
);
create index attachments_child_idx on attachments (tenant_id, child_person_id, belongs_to, belongs_to_id);

do $$
declare
  table_name text;
begin
  foreach table_name in array array['visits', 'childs_words', 'participation_preferences', 'drafts', 'direct_work', 'chronology_entries', 'attachments']
  loop
    execute format('alter table %I enable row level security', table_name);
    execute format('alter table %I force row level security', table_name);
    execute format(
      'create policy %I on %I using (tenant_id = kith_current_tenant()) with check (tenant_id = kith_current_tenant())',
      table_name || '_isolation', table_name);
    execute format('grant select, insert, update on %I to kith_app', table_name);
  end loop;
end
$$;
-- A draft is done with once its record is saved; the record keeps the text.
grant delete on drafts to kith_app;

-- Full-text search across a child's records, and across the children someone works with. The
-- worker's own reflection is left out of the index: families may search their records too.
alter table visits add column search_text tsvector generated always as (
  to_tsvector('english', coalesce(place, '') || ' ' || coalesce(seen_heard_felt, '') || ' ' ||
    coalesce(childs_words, '') || ' ' || coalesce(working_well, '') || ' ' || coalesce(worries, '') || ' ' ||
    coalesce(not_seen_reason, ''))) stored;
create index visits_search_idx on visits using gin (tenant_id, search_text);
alter table childs_words add column search_text tsvector generated always as (
  to_tsvector('english', words || ' ' || coalesce(setting, ''))) stored;
create index childs_words_search_idx on childs_words using gin (tenant_id, search_text);
alter table direct_work add column search_text tsvector generated always as (
  to_tsvector('english', childs_words)) stored;
create index direct_work_search_idx on direct_work using gin (tenant_id, search_text);
alter table chronology_entries add column search_text tsvector generated always as (
  to_tsvector('english', title || ' ' || coalesce(details, ''))) stored;
create index chronology_entries_search_idx on chronology_entries using gin (tenant_id, search_text);
