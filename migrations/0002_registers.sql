-- why: the registers behind the numbers (台账). A typed total such as "4221 enterprises
-- paired" cannot say which enterprises, and a county counting an enterprise that a second
-- county also pairs double-counts it. Keeping the rows — enterprises, villages, their
-- pairings (万企兴万村) and cooperation projects, and generic activity registers for
-- the other actions — lets an indicator be derived from them (count, distinct count or
-- sum), and lets a head click a figure and see the rows behind it.

CREATE TABLE enterprise (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    name_key     TEXT NOT NULL,           -- trimmed, full-width folded, spaces removed: duplicate detection
    credit_code  TEXT UNIQUE,             -- 统一社会信用代码, 18 characters, check digit verified
    kind         TEXT NOT NULL DEFAULT 'private'
                 CHECK (kind IN ('private', 'state', 'foreign', 'individual', 'collective', 'other')),
    county_id    TEXT REFERENCES unit(id),
    contact      TEXT NOT NULL DEFAULT '',
    is_sample    INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL
) STRICT;
CREATE INDEX enterprise_by_name_key ON enterprise(name_key);
CREATE INDEX enterprise_by_county ON enterprise(county_id);

CREATE TABLE village (
    id           TEXT PRIMARY KEY,
    name         TEXT NOT NULL,
    township     TEXT NOT NULL,           -- 乡镇/街道
    county_id    TEXT NOT NULL REFERENCES unit(id),
    is_sample    INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at   TEXT NOT NULL,
    created_by   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    updated_by   TEXT NOT NULL,
    UNIQUE (county_id, township, name)
) STRICT;

-- One enterprise pairs with many villages and one village with many enterprises;
-- the same pair twice is refused.
CREATE TABLE pairing (
    id            TEXT PRIMARY KEY,
    enterprise_id TEXT NOT NULL REFERENCES enterprise(id),
    village_id    TEXT NOT NULL REFERENCES village(id),
    signed_on     TEXT NOT NULL,          -- ISO date
    unit_id       TEXT NOT NULL REFERENCES unit(id),   -- responsible unit
    status        TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'ended')),
    note          TEXT NOT NULL DEFAULT '',
    is_sample     INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    UNIQUE (enterprise_id, village_id)
) STRICT;
CREATE INDEX pairing_by_unit ON pairing(unit_id, signed_on);
CREATE INDEX pairing_by_village ON pairing(village_id);
CREATE INDEX pairing_by_signed ON pairing(signed_on);

CREATE TABLE coop_project (
    id            TEXT PRIMARY KEY,
    pairing_id    TEXT NOT NULL REFERENCES pairing(id),
    name          TEXT NOT NULL,
    kind          TEXT NOT NULL CHECK (kind IN ('industry', 'employment', 'consumption', 'welfare', 'talent', 'other')),
    agreed_on     TEXT NOT NULL,          -- ISO date
    investment    REAL CHECK (investment IS NULL OR investment >= 0),   -- 万元
    status        TEXT NOT NULL DEFAULT 'agreed' CHECK (status IN ('agreed', 'in_progress', 'completed')),
    beneficiaries INTEGER CHECK (beneficiaries IS NULL OR beneficiaries >= 0),
    is_sample     INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL
) STRICT;
CREATE INDEX coop_project_by_pairing ON coop_project(pairing_id);
CREATE INDEX coop_project_by_agreed ON coop_project(agreed_on);

-- A register type defines the fields of one kind of activity record (meetings, trainings,
-- visits, reports …); `fields` is a JSON array of {key, label, label_en, kind, options?}.
CREATE TABLE register_type (
    id          TEXT PRIMARY KEY,
    code        TEXT NOT NULL UNIQUE,
    action_id   TEXT NOT NULL REFERENCES action(id),
    name        TEXT NOT NULL,
    name_en     TEXT NOT NULL DEFAULT '',
    fields      TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(fields)),
    statuses    TEXT NOT NULL DEFAULT '[]' CHECK (json_valid(statuses)),   -- [{key, label, label_en}]
    archived    INTEGER NOT NULL DEFAULT 0 CHECK (archived IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) STRICT;

CREATE TABLE register_row (
    id          TEXT PRIMARY KEY,
    type_id     TEXT NOT NULL REFERENCES register_type(id),
    occurred_on TEXT NOT NULL,            -- ISO date
    unit_id     TEXT NOT NULL REFERENCES unit(id),
    title       TEXT NOT NULL,
    status      TEXT,                     -- one of the type's statuses, when it has them
    data        TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(data)),      -- field key → value
    is_sample   INTEGER NOT NULL DEFAULT 0 CHECK (is_sample IN (0, 1)),
    created_at  TEXT NOT NULL,
    created_by  TEXT NOT NULL,
    updated_at  TEXT NOT NULL,
    updated_by  TEXT NOT NULL
) STRICT;
CREATE INDEX register_row_by_type ON register_row(type_id, occurred_on);
CREATE INDEX register_row_by_unit ON register_row(unit_id, type_id);

-- An indicator whose value is derived from a register instead of typed entries.
-- source: 'pairing' | 'coop_project' | 'register'; measure: 'count' | 'distinct' | 'sum'.
CREATE TABLE indicator_derivation (
    indicator_id  TEXT PRIMARY KEY REFERENCES indicator(id),
    source        TEXT NOT NULL CHECK (source IN ('pairing', 'coop_project', 'register')),
    register_type TEXT REFERENCES register_type(id),   -- when source = 'register'
    measure       TEXT NOT NULL CHECK (measure IN ('count', 'distinct', 'sum')),
    field         TEXT,                   -- the field counted distinctly or summed
    status        TEXT,                   -- only rows with this status
    match_field   TEXT,                   -- only rows whose data field …
    match_value   TEXT,                   -- … equals this value
    created_at    TEXT NOT NULL,
    created_by    TEXT NOT NULL,
    updated_at    TEXT NOT NULL,
    updated_by    TEXT NOT NULL,
    CHECK ((source = 'register') = (register_type IS NOT NULL)),
    CHECK (measure = 'count' OR field IS NOT NULL)
) STRICT;
