-- Search newest first walks a team's children's records in date order and tests the words on
-- each until a page is full. The (council, child, date) index now carries each visit's id, so
-- that walk reads only the index, not every visit's row (11,000 rows of a team's 91 children:
-- about 48 ms from the rows, a few from the index). It still serves each child's visits, newest
-- first, as the index it replaces did.
create index visits_child_when_idx on visits (tenant_id, child_person_id, happened_at desc) include (id);
drop index visits_child_idx;
