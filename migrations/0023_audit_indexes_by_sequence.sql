-- The audit log is read newest first, by `sequence`: "who has seen this record", an auditor's
-- search by what happened, and by whom. The indexes for a child and for a person were ordered by
-- `occurred_at`, so each of those reads fetched every entry of the child (or person) and sorted
-- them: a record opened 5,000 times took 24 ms to show its latest 50 viewers, and grew with every
-- view. Ordered by `sequence`, each read takes only the page it shows.
-- Searching by what happened had no index at all and walked the whole council's log from the
-- newest entry, passing every entry of another kind; now it has its own.
drop index audit_events_child_idx;
create index audit_events_child_idx on audit_events (tenant_id, child_person_id, sequence desc)
  where child_person_id is not null;
drop index audit_events_actor_idx;
create index audit_events_actor_idx on audit_events (tenant_id, actor_user_id, sequence desc);
create index audit_events_action_idx on audit_events (tenant_id, action, sequence desc);
