-- Mapping with the family: what are we worried about, what is working well, what needs to
-- happen. A mapping belongs to one child or a sibling group (mapping_children), holds entries
-- in seven sections, each entry saying whose view it is, and is scaled 0 to 10 by the people
-- present. Entries move between sections as understanding changes; every change of an entry
-- is appended to record_versions (record_type 'mapping_entry'), so nothing is lost.

create table mappings (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  -- The child whose record the mapping was started from; every child it covers is in mapping_children.
  child_person_id uuid not null,
  title text not null check (length(title) between 1 and 200),
  held_on date not null,
  who_took_part text check (length(who_took_part) <= 2000),
  -- The scaling question, and what 0 and 10 mean, as the people present were asked it.
  scaling_question text not null check (length(scaling_question) between 1 and 500),
  scale_zero_means text not null check (length(scale_zero_means) between 1 and 500),
  scale_ten_means text not null check (length(scale_ten_means) between 1 and 500),
  created_by uuid,
  created_by_label text not null,
  created_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id)
);
create index mappings_child_idx on mappings (tenant_id, child_person_id, held_on);

create table mapping_children (
  tenant_id uuid not null,
  mapping_id uuid not null,
  child_person_id uuid not null,
  primary key (tenant_id, mapping_id, child_person_id),
  foreign key (tenant_id, mapping_id) references mappings (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id)
);
create index mapping_children_child_idx on mapping_children (tenant_id, child_person_id);

create table mapping_entries (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  mapping_id uuid not null,
  section text not null check (section in (
    'past_harm', 'danger_statement', 'complicating_factor',
    'existing_strength', 'existing_safety',
    'safety_goal', 'next_step')),
  -- The entry in words: for a danger statement, the statement built from its four parts.
  statement text not null check (length(statement) between 1 and 4000),
  -- Past harm: how bad, how often, when.
  harm_severity text check (length(harm_severity) <= 500),
  harm_frequency text check (length(harm_frequency) <= 500),
  harm_when text check (length(harm_when) <= 500),
  -- Danger statement: who is worried; what could happen to the child; because of which adult
  -- behaviour; in what circumstances.
  worried_who text check (length(worried_who) <= 500),
  could_happen text check (length(could_happen) <= 2000),
  because_of text check (length(because_of) <= 2000),
  in_circumstances text check (length(in_circumstances) <= 2000),
  -- Safety goal: who will be doing it; what they will be doing; how everyone will know.
  goal_who text check (length(goal_who) <= 500),
  goal_will_be_doing text check (length(goal_will_be_doing) <= 2000),
  goal_how_we_will_know text check (length(goal_how_we_will_know) <= 2000),
  -- Next step: who does it (someone in the child's network, or a name) and by when.
  step_owner_person_id uuid,
  step_owner_name text check (length(step_owner_name) <= 200),
  step_due_on date,
  -- Whose view this is: the child, family, someone in the network, or a professional.
  view_of_kind text not null check (view_of_kind in ('child', 'family', 'network', 'professional')),
  view_of_person_id uuid,
  view_of_name text not null check (length(view_of_name) between 1 and 200),
  -- Where the entry came from when carried in from another record (a visit, say).
  source_type text check (source_type ~ '^[a-z_]{2,40}$'),
  source_id uuid,
  source_label text check (length(source_label) <= 300),
  position integer not null default 0,
  created_by uuid,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (tenant_id, id),
  foreign key (tenant_id, mapping_id) references mappings (tenant_id, id),
  foreign key (tenant_id, step_owner_person_id) references people (tenant_id, id),
  foreign key (tenant_id, view_of_person_id) references people (tenant_id, id),
  check (section <> 'danger_statement' or (worried_who is not null and could_happen is not null and because_of is not null)),
  check (section <> 'next_step' or ((step_owner_person_id is not null or step_owner_name is not null) and step_due_on is not null))
);
create index mapping_entries_mapping_idx on mapping_entries (tenant_id, mapping_id, section, position);

create table scaling_scores (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  mapping_id uuid not null,
  scored_on date not null,
  scorer_kind text not null check (scorer_kind in ('child', 'family', 'network', 'professional')),
  scorer_person_id uuid,
  scorer_name text not null check (length(scorer_name) between 1 and 200),
  score smallint not null check (score between 0 and 10),
  reason text not null check (length(reason) between 1 and 4000),
  recorded_by uuid,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, mapping_id) references mappings (tenant_id, id),
  foreign key (tenant_id, scorer_person_id) references people (tenant_id, id)
);
create index scaling_scores_mapping_idx on scaling_scores (tenant_id, mapping_id, scored_on);

do $$
declare
  table_name text;
begin
  foreach table_name in array array['mappings', 'mapping_children', 'mapping_entries', 'scaling_scores']
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
