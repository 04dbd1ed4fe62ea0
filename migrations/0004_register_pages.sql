-- why: a register page lists its rows newest first, 50 at a time, and must stay fast at
-- 100,000 rows (benches/registers.rs). The listing finds a page's keys on an index in that
-- order — date descending, then id — so a deep page skips index entries instead of
-- sorting every row; the columns the filters test ride along, so counting by status or
-- unit reads the index alone. A unit's projects come off their pairings' index already
-- dated (it replaces the one on pairing_id alone). Enterprises list by name.

CREATE INDEX pairing_page ON pairing(signed_on DESC, id, status, unit_id);
CREATE INDEX coop_project_page ON coop_project(agreed_on DESC, id, status, kind, pairing_id);
CREATE INDEX coop_project_by_pairing_page ON coop_project(pairing_id, agreed_on DESC, id);
DROP INDEX coop_project_by_pairing;
CREATE INDEX register_row_page ON register_row(type_id, occurred_on DESC, id, status, unit_id);
CREATE INDEX enterprise_by_name ON enterprise(name);
