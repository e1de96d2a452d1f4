-- claimdb schema version 4: what the canned reports (queries/*.sql) need to
-- run in one ordered pass at corpus scale (issue #6; bench/run.sh times
-- them). The reports read the claims and documents only through these
-- covering indexes (never the tables, whose rows hold quotes and whole
-- bodies) and name them with INDEXED BY: they group in index order, so the
-- large reports sort nothing, and a report's few subqueries read one
-- group's entries each. The indexes on claims are partial (claims with an
-- indicator code) except claims_kind.

-- 003's claims_support (indicator_code, district, year, unit, value, doc)
-- only served indicator_matrix's per-claim document counts, which
-- claims_cell now answers in the same pass.
DROP INDEX IF EXISTS claims_support;

-- One entry per coded claim in cell order (district, indicator, year,
-- unit), a cell's values ascending, each value's documents in order:
-- indicator_matrix, gdp, fiscal, investment, trade_and_foreign_capital,
-- growth_leaders and targets_vs_actuals.
CREATE INDEX claims_cell ON claims(district, indicator_code, year, unit, value, doc, modality, span_start,
                                   growth_pct, quote, indicator)
  WHERE indicator_code IS NOT NULL;

-- The same claims grouped by what must agree for two figures to be the
-- same statement (district, indicator, year, period, modality, unit),
-- figures ascending: conflicts.
CREATE INDEX claims_figure ON claims(district, indicator_code, year, period, modality, unit, value, growth_pct, doc,
                                     span_start, quote)
  WHERE indicator_code IS NOT NULL;

-- By district and year first: coverage.
CREATE INDEX claims_coverage ON claims(district, year, indicator_code, unit, doc, modality, value, growth_pct)
  WHERE indicator_code IS NOT NULL;

-- Every claim by document, modality and unit dimension: claims_by_document.
CREATE INDEX claims_kind ON claims(doc, modality, unit_dimension, indicator_code, growth_pct);

-- A document's year, date, district and title without reading its row
-- (which holds the whole body): "the latest document" in the reports'
-- choice of a claim, and claims_by_document.
CREATE INDEX documents_info ON documents(doc, year, date, district, title);

-- claims_ranked: every coded claim with its document's year and date, and
-- `preference`, a text that sorts the way the reports choose one claim
-- among several for the same figure: an actual figure before a target,
-- plan or forecast, then one with a value before a bare rate of change,
-- then the latest document (its year, date, key), then the first in the
-- text. A report takes the row with the greatest preference per group
-- with max() (SQLite then takes the group's other, bare, columns from that
-- row):
--   SELECT district, year, max(preference), value, quote FROM claims_ranked
--   WHERE indicator_code = 'gdp' GROUP BY district, year
-- Each part has a fixed width (the year as year + 10001) or ends with
-- char(1), which sorts before any character of a date or document key, so
-- the texts compare as the parts would one by one.
-- It reads claims_cell in order, so grouping by a prefix of (district,
-- indicator_code, year, unit) needs no sort and sees a group's values in
-- ascending order.
CREATE VIEW claims_ranked AS
SELECT c.id AS claim_id, c.district, c.indicator_code, c.year, c.unit, c.value, c.growth_pct, c.modality,
       c.indicator, c.quote, c.doc, c.span_start, d.year AS doc_year, d.date AS doc_date,
       ((c.modality = 'actual') * 2 + (c.value IS NOT NULL)) || (coalesce(d.year, -1) + 10001)
         || coalesce(d.date, '') || char(1) || c.doc || char(1) || (4294967296 - c.span_start) AS preference
FROM claims c INDEXED BY claims_cell
JOIN documents d INDEXED BY documents_info ON d.doc = c.doc
WHERE c.indicator_code IS NOT NULL;

-- Statistics for the new indexes until the next import runs ANALYZE (an
-- empty database gets none, which is fine).
ANALYZE claims_cell;
ANALYZE claims_figure;
ANALYZE claims_coverage;
ANALYZE claims_kind;
ANALYZE documents_info;
