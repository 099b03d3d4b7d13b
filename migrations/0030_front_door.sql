-- The front door (issue 23): contacts, the people involved in each, and what finds a person.
--
-- A contact is what someone told the council about a child: who got in touch and how they know
-- the child, what worries them in their own words and what is going well, whether the family
-- knows and agrees (or why the council goes ahead without it), how urgent it is, and then the
-- decision (advice and signposting, early help, a referral to children's social care, or a
-- strategy discussion), with reasons and who made it. A contact half-typed is kept as a draft.
-- Its decision due date is derived from the council's working-day clock when it is shown, never
-- typed or stored; so is the re-referral flag (the child's last closure within 12 months).
--
-- person_identifiers: the NHS number and unique pupil number (checked by their check digits
-- before they are stored) and an address, by which the front door finds someone already known.

create table person_identifiers (
  tenant_id uuid not null,
  person_id uuid not null,
  nhs_number text check (nhs_number ~ '^[0-9]{10}$'),
  unique_pupil_number text check (unique_pupil_number ~ '^[A-Z][0-9]{11}[0-9A-Z]$'),
  address text check (length(address) <= 500),
  postcode text check (length(postcode) <= 10),
  updated_at timestamptz not null default now(),
  primary key (tenant_id, person_id),
  foreign key (tenant_id, person_id) references people (tenant_id, id)
);
create unique index person_identifiers_nhs_idx on person_identifiers (tenant_id, nhs_number)
  where nhs_number is not null;
create unique index person_identifiers_upn_idx on person_identifiers (tenant_id, unique_pupil_number)
  where unique_pupil_number is not null;
create index person_identifiers_postcode_idx on person_identifiers (tenant_id, postcode);

create table contacts (
  tenant_id uuid not null,
  id uuid not null default gen_random_uuid(),
  status text not null default 'draft' check (status in ('draft', 'awaiting_decision', 'decided')),
  received_on date not null,
  contact_kind text
    check (contact_kind in ('partner_agency', 'family_member', 'child', 'public', 'anonymous')),
  contact_name text check (length(contact_name) <= 300),
  contact_organisation text check (length(contact_organisation) <= 300),
  relationship_to_child text check (length(relationship_to_child) <= 300),
  worries text check (length(worries) <= 8000),
  going_well text check (length(going_well) <= 8000),
  consent text check (consent in ('given', 'not_asked', 'refused')),
  consent_reason text check (length(consent_reason) <= 2000),
  urgency text check (urgency in ('immediate', 'same_day', 'standard')),
  decision text check (decision in ('advice', 'early_help', 'referral', 'strategy_discussion')),
  decision_reasons text check (length(decision_reasons) <= 4000),
  letter_to_family text check (length(letter_to_family) <= 8000),
  decided_on date,
  decided_at timestamptz,
  decided_by uuid,
  decided_by_label text check (length(decided_by_label) <= 300),
  recorded_at timestamptz not null default now(),
  recorded_by uuid,
  recorded_by_label text not null check (length(recorded_by_label) <= 300),
  updated_at timestamptz not null default now(),
  version integer not null default 1,
  primary key (tenant_id, id),
  -- Sent for a decision: everything the decision needs is there.
  check (status = 'draft' or (contact_kind is not null and length(btrim(worries)) > 0
    and consent is not null and urgency is not null)),
  -- Going ahead without the family's agreement always says why.
  check (status = 'draft' or consent = 'given' or length(btrim(consent_reason)) > 0),
  -- A decision comes with its reasons, its date and who made it, or not at all.
  check ((status = 'decided') = (decision is not null)),
  check (decision is null or (length(btrim(decision_reasons)) > 0 and decided_on is not null
    and decided_at is not null and decided_by_label is not null)),
  check (decided_on is null or decided_on >= received_on)
);
create index contacts_queue_idx on contacts (tenant_id, status, received_on);

create table contact_people (
  tenant_id uuid not null,
  contact_id uuid not null,
  person_id uuid not null,
  involvement text not null check (involvement in ('child', 'adult')),
  -- The referral the decision started for this child (episodes' referral), once decided.
  referral_id uuid,
  added_at timestamptz not null default now(),
  primary key (tenant_id, contact_id, person_id),
  foreign key (tenant_id, contact_id) references contacts (tenant_id, id),
  foreign key (tenant_id, person_id) references people (tenant_id, id)
);
create index contact_people_person_idx on contact_people (tenant_id, person_id);

do $$
declare
  table_name text;
begin
  foreach table_name in array array['person_identifiers', 'contacts', 'contact_people'] loop
    execute format('alter table %I enable row level security', table_name);
    execute format('alter table %I force row level security', table_name);
    execute format(
      'create policy %I on %I using (tenant_id = kith_current_tenant()) with check (tenant_id = kith_current_tenant())',
      table_name || '_isolation', table_name);
    execute format('grant select, insert, update on %I to kith_app', table_name);
  end loop;
end $$;
grant delete on contact_people to kith_app;
