-- Two records of the same person can be merged. Nothing is deleted: the duplicate keeps its
-- history and points at the person it was merged into; its ties and places in children's
-- networks move to that person, each move kept as a version.
alter table people add column merged_into uuid;
alter table people add constraint people_merged_into_fk
  foreign key (tenant_id, merged_into) references people (tenant_id, id);
alter table people add constraint people_not_merged_into_self check (merged_into is null or merged_into <> id);
