-- Search always asks about particular children (the one whose record is open, or the ones
-- someone may open), so each search index now holds the child beside the words: the matching
-- rows of those children come straight from the index, without reading every record of theirs
-- to test it. The indexes that held only the council and the words are no longer used.
drop index visits_search_idx;
create index visits_child_search_idx on visits using gin (tenant_id, child_person_id, search_text);
drop index childs_words_search_idx;
create index childs_words_child_search_idx on childs_words using gin (tenant_id, child_person_id, search_text);
drop index direct_work_search_idx;
create index direct_work_child_search_idx on direct_work using gin (tenant_id, child_person_id, search_text);
drop index chronology_entries_search_idx;
create index chronology_entries_child_search_idx on chronology_entries using gin (tenant_id, child_person_id, search_text);
