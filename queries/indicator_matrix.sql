-- title: Indicator matrix
-- description: Every district x indicator x year (x unit) with one chosen value, its growth, and how many documents and claims state it.
-- params: :district :year :indicator
-- columns: district TEXT, indicator_code TEXT, indicator_name TEXT, category TEXT, year INTEGER, modality TEXT, value REAL amount, unit TEXT, growth_pct REAL, documents INTEGER, claims INTEGER, values_stated TEXT, quote TEXT, doc TEXT
--
-- One row per (district, indicator_code, year, unit), in that order. When
-- several claims fall in a row, the chosen one is: an actual figure before
-- targets, plans and forecasts; then the value the most documents state;
-- then the latest document (its year, date, key); then the first in the
-- text. values_stated is a JSON array of the distinct values stated for
-- the row, ascending. An empty parameter counts as unset (Datasette binds
-- '' for blank fields).
--
-- How it runs (schema/004_report_indexes.sql): one pass over the index
-- claims_cell groups the cells in order. Within one document every value
-- has the same support, so there the choice is the first actual figure in
-- the text (max() of first_in_text, whose bare columns SQLite takes from
-- that row); only a cell stated by several documents is ranked in full by
-- the subquery, which reads that cell's few index entries. The rows keep
-- the order of `cells`: the outer query only adds columns (LEFT JOINs, no
-- ORDER BY, so no second sort).
WITH cells AS (
  SELECT c.district, c.indicator_code, c.year, c.unit,
         count(*) AS claims, count(DISTINCT c.doc) AS documents,
         json_group_array(DISTINCT c.value) FILTER (WHERE c.value IS NOT NULL) AS values_stated,
         max((c.modality = 'actual') * 4294967296 - c.span_start) AS first_in_text,
         c.id, c.modality, c.value, c.growth_pct, c.quote, c.doc
  FROM claims c INDEXED BY claims_cell
  WHERE c.indicator_code IS NOT NULL
    AND (nullif(:district, '') IS NULL OR c.district = :district)
    AND (nullif(:year, '') IS NULL OR c.year = CAST(:year AS INTEGER))
    AND (nullif(:indicator, '') IS NULL
         OR c.indicator_code IN (SELECT code FROM indicators WHERE :indicator IN (code, name_zh)))
  GROUP BY c.district, c.indicator_code, c.year, c.unit
  ORDER BY c.district, c.indicator_code, c.year, c.unit
),
chosen AS (
  SELECT cells.*,
         CASE WHEN documents > 1 THEN (
           SELECT s.id
           FROM (SELECT s.id, s.doc, s.span_start, s.modality, d.year AS doc_year, coalesce(d.date, '') AS doc_date,
                        (SELECT count(DISTINCT t.doc) FROM claims t INDEXED BY claims_cell
                          WHERE t.indicator_code IS NOT NULL AND t.district = s.district
                            AND t.indicator_code = s.indicator_code AND t.year IS s.year AND t.unit IS s.unit
                            AND t.value IS s.value) AS support
                 FROM claims s INDEXED BY claims_cell
                 JOIN documents d INDEXED BY documents_info ON d.doc = s.doc
                 WHERE s.indicator_code IS NOT NULL AND s.district = cells.district
                   AND s.indicator_code = cells.indicator_code AND s.year IS cells.year AND s.unit IS cells.unit) s
           ORDER BY s.modality = 'actual' DESC, s.support DESC, s.doc_year DESC, s.doc_date DESC, s.doc DESC,
                    s.span_start
           LIMIT 1)
         END AS chosen_id
  FROM cells
  LIMIT -1  -- keeps `chosen` a subquery of its own, so chosen_id is computed once per row
)
SELECT p.district, p.indicator_code, i.name_zh AS indicator_name, i.category, p.year,
       coalesce(x.modality, p.modality) AS modality,
       CASE WHEN x.id IS NULL THEN p.value ELSE x.value END AS value,
       p.unit,
       CASE WHEN x.id IS NULL THEN p.growth_pct ELSE x.growth_pct END AS growth_pct,
       p.documents, p.claims, p.values_stated,
       coalesce(x.quote, p.quote) AS quote, coalesce(x.doc, p.doc) AS doc
FROM chosen p
LEFT JOIN claims x INDEXED BY claims_cell ON p.chosen_id IS NOT NULL AND x.indicator_code IS NOT NULL AND x.district = p.district
                  AND x.indicator_code = p.indicator_code AND x.year IS p.year AND x.unit IS p.unit
                  AND x.id + 0 = p.chosen_id
LEFT JOIN indicators i ON i.code = p.indicator_code
