-- Meetings about a child, and family group decision-making. A meeting records when and where,
-- who was invited and who came (invitees, from the child's network or typed), how the child
-- took part, what was shared, the decisions with their reasons and the actions (jsonb, checked
-- by the application). A family group conference also holds its four stages (conference jsonb)
-- and the stage it has reached; every change is a version in record_versions ('meeting').
-- Offers of a family group decision-making meeting are their own rows, so a council can count
-- offers, acceptances, refusals with the family's reason, conferences held, plans and reviews.

create table meetings (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  kind text not null check (kind in ('network_meeting', 'family_group_conference', 'child_in_need_review',
    'child_protection_conference', 'child_protection_review', 'child_in_care_review', 'strategy_discussion',
    'professionals_meeting')),
  held_on date not null,
  -- Local (UK) time of day, HH:MM.
  starts_at text check (starts_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  ends_at text check (ends_at ~ '^([01][0-9]|2[0-3]):[0-5][0-9]$'),
  place text not null check (length(place) between 1 and 500),
  purpose text check (length(purpose) <= 2000),
  -- The child's stated preference for taking part, as it was when the meeting was planned.
  child_preference text check (length(child_preference) <= 2000),
  how_child_took_part text check (length(how_child_took_part) <= 4000),
  what_was_shared text check (length(what_was_shared) <= 8000),
  -- Professionals' own notes: never shown to the family.
  professional_notes text check (length(professional_notes) <= 8000),
  decisions jsonb not null default '[]',
  actions jsonb not null default '[]',
  -- Family group conferences (and their reviews) only.
  stage text check (stage in ('preparation', 'information', 'private_family_time', 'agreement', 'agreed')),
  coordinator_user_id uuid,
  coordinator_name text check (length(coordinator_name) <= 200),
  conference jsonb not null default '{}',
  review_of_meeting_id uuid,
  offer_id uuid,
  plan_id uuid,
  version integer not null default 1,
  created_by uuid,
  created_by_label text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  foreign key (tenant_id, review_of_meeting_id) references meetings (tenant_id, id),
  foreign key (tenant_id, plan_id) references plans (tenant_id, id),
  check ((kind = 'family_group_conference') = (stage is not null)),
  check (ends_at is null or starts_at is null or ends_at > starts_at)
);
create index meetings_child_idx on meetings (tenant_id, child_person_id, held_on);
create index meetings_coordinator_idx on meetings (tenant_id, coordinator_user_id, stage);

create table meeting_invitees (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  meeting_id uuid not null,
  person_id uuid,
  name text not null check (length(name) between 1 and 200),
  -- Who they are to the child, in plain words ("Nan", "school nurse").
  relationship text check (length(relationship) <= 200),
  circle text not null check (circle in ('child', 'family', 'network', 'professional')),
  attendance text not null default 'invited' check (attendance in ('invited', 'came', 'could_not_come', 'did_not_come')),
  preparation_visit_on date,
  preparation_notes text check (length(preparation_notes) <= 4000),
  added_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, meeting_id) references meetings (tenant_id, id),
  foreign key (tenant_id, person_id) references people (tenant_id, id)
);
create index meeting_invitees_meeting_idx on meeting_invitees (tenant_id, meeting_id);
create index meeting_invitees_person_idx on meeting_invitees (tenant_id, person_id);

create table family_meeting_offers (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  child_person_id uuid not null,
  offered_on date not null,
  -- The decision the offer comes before, in plain words ("before going to court").
  before_decision text not null check (length(before_decision) between 1 and 500),
  response text not null default 'awaiting' check (response in ('awaiting', 'accepted', 'declined')),
  responded_on date,
  family_reason text check (length(family_reason) <= 2000),
  recorded_by uuid,
  recorded_by_label text not null,
  recorded_at timestamptz not null default now(),
  primary key (tenant_id, id),
  foreign key (tenant_id, child_person_id) references child_records (tenant_id, person_id),
  check (response <> 'declined' or family_reason is not null),
  check (response = 'awaiting' or responded_on is not null)
);
create index family_meeting_offers_child_idx on family_meeting_offers (tenant_id, child_person_id, offered_on);

alter table meetings add foreign key (tenant_id, offer_id) references family_meeting_offers (tenant_id, id);

-- The agreed family plan becomes (or updates) the child's plan; the plan keeps its source.
alter table plans add column source_meeting_id uuid;
alter table plans add foreign key (tenant_id, source_meeting_id) references meetings (tenant_id, id);

do $$
declare
  table_name text;
begin
  foreach table_name in array array['meetings', 'meeting_invitees', 'family_meeting_offers']
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
